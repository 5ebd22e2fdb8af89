import pino, { type DestinationStream, type Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** The lowest level written. @default 'info' */
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Where the JSON lines go (tests pass a stream that collects them). @default stdout */
  destination?: DestinationStream;
}

/**
 * The process's JSON logger (pino): one object per line with `level` (as a word), `time` (ISO 8601), `pid`,
 * `hostname` and `msg`; errors logged as `err` keep their type, message and stack (server-side only). Each server
 * logs through a child that adds `service`, and each request through a child that adds `requestId`.
 */
export function createLogger({ level = 'info', destination }: CreateLoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { DestinationStream, Logger } from 'pino';
