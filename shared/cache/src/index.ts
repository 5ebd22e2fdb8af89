export type { CacheBackend, StoredEntry } from './cache-backend';
export { createMemoryBackend, type MemoryBackendOptions } from './memory-backend';
export { createRedisBackend, type RedisBackendOptions } from './redis-backend';
export { decodeValue, encodeValue } from './codec';
export {
  CacheLoadError,
  ReadThroughCache,
  type CachedRead,
  type CacheObserver,
  type CacheReadOutcome,
  type CacheStats,
  type FreshnessPolicy,
  type ReadThroughCacheOptions,
} from './read-through-cache';
export { openReadThroughCache, type OpenedCache } from './open-read-through-cache';
