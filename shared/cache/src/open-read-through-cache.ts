import { Redis } from 'ioredis';
import { createMemoryBackend } from './memory-backend';
import { ReadThroughCache } from './read-through-cache';
import { createRedisBackend } from './redis-backend';

/** A cache and what closes it. */
export interface OpenedCache {
  /** The read-through cache. */
  cache: ReadThroughCache;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/**
 * The read-through cache a process should use: in Redis when `redisUrl` is set (entries and single-flight shared
 * by every replica), in memory otherwise. Connects before returning, so a wrong URL fails at start-up.
 */
export async function openReadThroughCache({ redisUrl }: { redisUrl?: string }): Promise<OpenedCache> {
  if (!redisUrl) return { cache: new ReadThroughCache({ backend: createMemoryBackend() }), close: async () => {} };
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  return {
    cache: new ReadThroughCache({ backend: createRedisBackend({ redis }) }),
    async close() {
      await redis.quit();
    },
  };
}
