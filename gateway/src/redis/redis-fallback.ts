import type { Logger } from '@junction/observability';

/** One line about a failure the gateway serves through (a failing Redis, an answer sent without its headers). */
export interface FailureLogEntry {
  /** `warn` while the feature still serves (from its fallback); `error` when something could not be done at all. */
  level: 'warn' | 'error';
  /** What happened and what the feature does meanwhile, as a sentence. */
  msg: string;
  /** The failure. */
  error: string;
}

/** Where {@link RedisFallback} (and the rate limiter) report failures. */
export type FailureLog = (entry: FailureLogEntry) => void;

/** The report when the gateway is given no logger: a JSON line on stderr. */
export const logToStderr: FailureLog = (entry) => console.error(JSON.stringify(entry));

/** Reports through the gateway's logger: `error` is a field of the line, `msg` its message. */
export function logToLogger(logger: Pick<Logger, 'warn' | 'error'>): FailureLog {
  return ({ level, msg, error }) => logger[level]({ error }, msg);
}

/** Options of {@link RedisFallback}. */
export interface RedisFallbackOptions {
  /** Where failures are reported. @default {@link logToStderr} */
  log?: FailureLog;
  /** At most one `warn` line per this many milliseconds (`error` lines always go out). @default 60000 */
  logEveryMs?: number;
  /**
   * After a failure, Redis is left alone for this long and the feature falls back at once, so an outage does not
   * add the command timeout to every request. @default 1000
   */
  pauseAfterFailureMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * What a feature with a fallback for Redis (rate limits, response cache, APQ) does when Redis fails: it leaves
 * Redis alone for a moment, and says so at most once a minute, with how many failures the line stands for.
 */
export class RedisFallback {
  readonly #log: FailureLog;
  readonly #logEveryMs: number;
  readonly #pauseAfterFailureMs: number;
  readonly #now: () => number;
  #pausedUntil = -Infinity;
  #loggedAt = -Infinity;
  #failures = 0;

  constructor({ log = logToStderr, logEveryMs = 60_000, pauseAfterFailureMs = 1000, now = Date.now }: RedisFallbackOptions = {}) {
    this.#log = log;
    this.#logEveryMs = logEveryMs;
    this.#pauseAfterFailureMs = pauseAfterFailureMs;
    this.#now = now;
  }

  /** Whether Redis is being left alone after a failure (the caller falls back without asking it). */
  get paused(): boolean {
    return this.#now() < this.#pausedUntil;
  }

  /** Asks Redis again from now on, pause or not (for work that must not wait, such as an invalidation). */
  resume(): void {
    this.#pausedUntil = -Infinity;
  }

  /**
   * Notes a failure: pauses, and reports it unless a `warn` line went out less than `logEveryMs` ago.
   * @param describe - the line's message, given how many failures it reports (this one and those not reported).
   */
  failed(error: unknown, describe: (failures: number) => string, level: FailureLogEntry['level'] = 'warn'): void {
    const now = this.#now();
    this.#pausedUntil = now + this.#pauseAfterFailureMs;
    this.#failures += 1;
    if (level === 'warn' && now - this.#loggedAt < this.#logEveryMs) return;
    this.#loggedAt = now;
    this.#log({ level, msg: describe(this.#failures), error: error instanceof Error ? error.message : String(error) });
    this.#failures = 0;
  }
}
