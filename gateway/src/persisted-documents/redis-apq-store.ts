import type { Redis } from 'ioredis';
import { RedisFallback, type FailureLog, type FailureLogEntry } from '../redis/redis-fallback';
import type { ApqStore } from './apq-store';

/** One line of the APQ store's log (always `warn`: requests are still served, clients just send their queries in full). */
export type ApqStoreLogEntry = FailureLogEntry;

/** Options of {@link createRedisApqStore}. */
export interface RedisApqStoreOptions {
  /** The gateway's Redis connection (owned by the gateway). */
  redis: Redis;
  /** Prefix of the stored queries' keys. @default 'junction:apq:' */
  prefix?: string;
  /**
   * How long a query is kept after it was stored, in seconds (the client registers it again after that, in one extra
   * round trip). Redis is bounded by this and by the rate limits, so keep it short. @default 3600 (an hour)
   */
  ttlSeconds?: number;
  /** The longest query stored, in characters; longer ones run but are not stored. @default 20000 */
  maxQueryCharacters?: number;
  /** Where failures are reported. @default a JSON line on stderr */
  log?: FailureLog;
  /** At most one log line per this many milliseconds. @default 60000 */
  logEveryMs?: number;
  /**
   * After a failure, Redis is left alone for this long (lookups miss and writes are dropped at once rather than
   * wait for its command timeout). @default 1000
   */
  pauseAfterFailureMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * APQ in Redis, shared by every gateway replica: a query registered through one is found through all. When Redis
 * fails, a lookup is a miss (the client sends its query again, and the request is served) and a write is dropped,
 * for `pauseAfterFailureMs` without asking Redis at all; failures are logged at most once a minute.
 */
export function createRedisApqStore({
  redis,
  prefix = 'junction:apq:',
  ttlSeconds = 3600,
  maxQueryCharacters = 20_000,
  log,
  logEveryMs,
  pauseAfterFailureMs,
  now,
}: RedisApqStoreOptions): ApqStore {
  const fallback = new RedisFallback({ log, logEveryMs, pauseAfterFailureMs, now });
  const failed = (error: unknown) =>
    fallback.failed(error, (failures) => `The shared APQ store failed ${failures} time(s) since the last report; clients send their queries in full until it answers again.`);
  return {
    async get(sha256) {
      if (fallback.paused) return undefined;
      try {
        return (await redis.get(prefix + sha256)) ?? undefined;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(sha256, query) {
      if (query.length > maxQueryCharacters || fallback.paused) return;
      try {
        await redis.set(prefix + sha256, query, 'EX', ttlSeconds);
      } catch (error) {
        failed(error);
      }
    },
  };
}
