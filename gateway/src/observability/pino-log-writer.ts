import type { Attributes, LogLevel, LogWriter } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@junction/observability';

/**
 * Writes the Hive runtime's log lines through pino, so the gateway's own lines and the runtime's are the same JSON,
 * with the same fields (`service`, and `requestId` on the lines of a request).
 */
export class PinoLogWriter implements LogWriter {
  /** @param logger - The pino logger the runtime's lines go to (the gateway's, with `service`). */
  constructor(private readonly logger: Logger) {}

  /** Writes one runtime line at its level; list-shaped attributes go under `attrs`. */
  write(level: LogLevel, attrs: Attributes | null | undefined, msg: string | null | undefined): void {
    const fields = Array.isArray(attrs) ? { attrs } : (attrs ?? {});
    this.logger[level](fields, msg ?? undefined);
  }
}
