import { LRUCache } from 'lru-cache';
import type { ApqStore } from './apq-store';

/** Options of {@link createMemoryApqStore}. */
export interface MemoryApqStoreOptions {
  /** The most queries kept; the least recently used go first. @default 1000 */
  maxEntries?: number;
  /** The most characters of query text kept in all. @default 5_000_000 */
  maxCharacters?: number;
  /** How long a query is kept after it was stored, in milliseconds. @default 3_600_000 (an hour) */
  ttlMs?: number;
}

/**
 * APQ in this process's memory, bounded by count and by total size so clients registering queries cannot grow
 * the gateway without limit (the embedded layout, or a gateway without Redis).
 */
export function createMemoryApqStore({ maxEntries = 1000, maxCharacters = 5_000_000, ttlMs = 3_600_000 }: MemoryApqStoreOptions = {}): ApqStore {
  const cache = new LRUCache<string, string>({ max: maxEntries, maxSize: maxCharacters, sizeCalculation: (query) => Math.max(1, query.length), ttl: ttlMs });
  return {
    async get(sha256) {
      return cache.get(sha256);
    },
    async set(sha256, query) {
      cache.set(sha256, query);
    },
  };
}
