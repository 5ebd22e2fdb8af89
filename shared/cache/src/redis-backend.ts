import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CacheBackend, StoredEntry } from './cache-backend';

/** Deletes the lock only if this holder still owns it (another may have taken it after expiry). */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Options of {@link createRedisBackend}. */
export interface RedisBackendOptions {
  /** A connected ioredis client; the backend does not own it unless `ownsClient`. */
  redis: Redis;
  /** Prefix of every key, so several caches share one Redis. @default 'junction:cache:' */
  prefix?: string;
  /** Close the client on `close()`. @default false */
  ownsClient?: boolean;
}

/**
 * A backend in Redis: entries shared by every replica, and a lock (`SET NX PX` with a token, released by a
 * compare-and-delete script) so that one replica loads a key while the others wait for its result.
 */
export function createRedisBackend({ redis, prefix = 'junction:cache:', ownsClient = false }: RedisBackendOptions): CacheBackend {
  return {
    async get(key) {
      const raw = await redis.get(`${prefix}entry:${key}`);
      return raw === null ? undefined : (JSON.parse(raw) as StoredEntry);
    },
    async set(key, entry, ttlMs) {
      await redis.set(`${prefix}entry:${key}`, JSON.stringify(entry), 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async tryLock(key, ttlMs) {
      const lockKey = `${prefix}lock:${key}`;
      const token = randomUUID();
      const taken = await redis.set(lockKey, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
      if (taken !== 'OK') return undefined;
      return async () => {
        await redis.eval(RELEASE_LOCK, 1, lockKey, token);
      };
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      if (ownsClient) await redis.quit();
    },
  };
}
