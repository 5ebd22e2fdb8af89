import { RedisFallback, type FailureLog, type FailureLogEntry } from '../redis/redis-fallback';
import type { TokenBucketStore } from './token-bucket-store';

/** One line of the rate limiter's log (always `warn`: requests are still served, but limits are only per replica). */
export type RateLimitLogEntry = FailureLogEntry;

/** Options of {@link createFailOpenTokenBucketStore}. */
export interface FailOpenTokenBucketStoreOptions {
  /** The shared store (Redis). */
  primary: TokenBucketStore;
  /** The store used for a request when the primary fails (memory). */
  fallback: TokenBucketStore;
  /** Where failures are reported. @default a JSON line on stderr */
  log?: FailureLog;
  /** At most one log line per this many milliseconds. @default 60000 */
  logEveryMs?: number;
  /**
   * After a failure, the primary is left alone for this long and the fallback answers at once, so an outage does
   * not add the primary's timeout to every request. @default 1000
   */
  pauseAfterFailureMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * A store that never fails a request: when the primary throws, that request is answered from the fallback (limits
 * then hold per replica instead of across replicas), and the failure is logged once a minute so it is visible.
 */
export function createFailOpenTokenBucketStore({ primary, fallback, log, logEveryMs, pauseAfterFailureMs, now }: FailOpenTokenBucketStoreOptions): TokenBucketStore {
  const redis = new RedisFallback({ log, logEveryMs, pauseAfterFailureMs, now });
  return {
    async take(key, limits, cost) {
      if (!redis.paused) {
        try {
          return await primary.take(key, limits, cost);
        } catch (error) {
          redis.failed(
            error,
            (failures) => `The shared rate limit store failed ${failures} time(s) since the last report; requests are limited per replica, in memory, until it answers again.`,
          );
        }
      }
      return fallback.take(key, limits, cost);
    },
  };
}
