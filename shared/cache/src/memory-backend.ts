import { LRUCache } from 'lru-cache';
import type { CacheBackend, StoredEntry } from './cache-backend';

/** Options of {@link createMemoryBackend}. */
export interface MemoryBackendOptions {
  /** The most entries kept; the least recently used go first. @default 10000 */
  maxEntries?: number;
}

/** A backend in process memory (the embedded default): bounded LRU entries, locks that live in this process. */
export function createMemoryBackend({ maxEntries = 10_000 }: MemoryBackendOptions = {}): CacheBackend {
  const entries = new LRUCache<string, StoredEntry>({ max: maxEntries, ttlAutopurge: false });
  const locks = new Map<string, number>();
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry, ttlMs) {
      entries.set(key, entry, { ttl: ttlMs });
    },
    async tryLock(key, ttlMs) {
      const now = Date.now();
      const heldUntil = locks.get(key);
      if (heldUntil !== undefined && heldUntil > now) return undefined;
      const until = now + ttlMs;
      locks.set(key, until);
      return async () => {
        if (locks.get(key) === until) locks.delete(key);
      };
    },
    async close() {
      entries.clear();
      locks.clear();
    },
  };
}
