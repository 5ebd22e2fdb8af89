import type { Logger } from 'pino';

/** Options of {@link shutdownOnSignals}. */
export interface ShutdownOnSignalsOptions {
  /** Stops everything the process runs: drain the servers, then close databases, Redis, child processes. */
  stop: () => Promise<void>;
  /** Where the shutdown is reported. */
  logger: Logger;
  /** If `stop` has not finished after this many milliseconds, the process exits with 1 anyway. @default 30000 */
  timeoutMs?: number;
  /** The signals that start the shutdown. @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly NodeJS.Signals[];
  /** Ends the process. @default process.exit */
  exit?: (code: number) => void;
}

/**
 * Makes the first SIGTERM or SIGINT run `stop` and exit 0 (1 if `stop` fails or overruns `timeoutMs`). A second
 * signal while stopping exits 1 at once, for an operator who does not want to wait. Returns a function that removes
 * the handlers.
 */
export function shutdownOnSignals({
  stop,
  logger,
  timeoutMs = 30_000,
  signals = ['SIGTERM', 'SIGINT'],
  exit = (code) => process.exit(code),
}: ShutdownOnSignalsOptions): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'Second signal while shutting down: exiting now.');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'Shutting down: no new connections, draining in-flight requests.');
    const overrun = setTimeout(() => {
      logger.error({ timeoutMs }, 'Shutdown took too long: exiting with in-flight work unfinished.');
      exit(1);
    }, timeoutMs);
    overrun.unref();
    stop().then(
      () => {
        clearTimeout(overrun);
        logger.info('Stopped.');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(overrun);
        logger.error({ err: error }, 'Shutdown failed.');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
