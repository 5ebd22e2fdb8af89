import { LRUCache } from 'lru-cache';
import type { ResponseCacheEntry, ResponseCacheStore } from './response-cache-store';

/** Options of {@link createMemoryResponseCacheStore}. */
export interface MemoryResponseCacheStoreOptions {
  /** The most the kept answers may weigh, in bytes of their JSON; the least recently used go first. @default 67108864 (64 MiB) */
  maxBytes?: number;
}

/** A kept answer and its weight. */
interface Kept extends ResponseCacheEntry {
  /** Bytes of its JSON. */
  bytes: number;
}

/**
 * The response cache in this process's memory (gateways without Redis): an LRU bounded by the JSON size of what it
 * holds, each answer expiring after its TTL, with invalidation by type stamps (see {@link ResponseCacheStore}).
 * An answer larger than an eighth of the bound is not kept.
 */
export function createMemoryResponseCacheStore({ maxBytes = 64 * 1024 * 1024 }: MemoryResponseCacheStoreOptions = {}): ResponseCacheStore {
  let clock = 0;
  const stamps = new Map<string, number>();
  const answers = new LRUCache<string, Kept>({ maxSize: maxBytes, maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)), sizeCalculation: (kept) => kept.bytes });
  const current = (kept: Kept) => kept.dependsOn.every((type) => (stamps.get(type) ?? 0) <= kept.clock);
  return {
    kind: 'memory',
    async lookup(key) {
      const kept = answers.get(key);
      if (!kept) return { clock };
      if (current(kept)) return { result: kept.result, clock };
      answers.delete(key);
      return { clock };
    },
    async store(key, entry, ttlMs) {
      const bytes = Buffer.byteLength(JSON.stringify(entry.result));
      if (bytes > answers.maxEntrySize) return;
      answers.set(key, { ...entry, bytes }, { ttl: ttlMs });
    },
    async invalidate(types) {
      if (types.length === 0) return;
      clock += 1;
      for (const type of types) stamps.set(type, clock);
    },
  };
}
