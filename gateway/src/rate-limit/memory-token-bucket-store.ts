import { LRUCache } from 'lru-cache';
import { checkCost, type TokenBucketStore } from './token-bucket-store';

/** Options of {@link createMemoryTokenBucketStore}. */
export interface MemoryTokenBucketStoreOptions {
  /**
   * The most buckets kept. Past it the least recently used bucket is forgotten, which gives its caller a full
   * bucket again (an idle caller's bucket would be full by then anyway). @default 100000
   */
  maxBuckets?: number;
  /** A monotonic clock in milliseconds. @default performance.now */
  now?: () => number;
}

/** One bucket: its tokens when it was last used, and when that was. */
interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory: the store of the embedded layout (one gateway), and what a shared store
 * falls back to when it fails. Bounded by `maxBuckets`.
 */
export function createMemoryTokenBucketStore({ maxBuckets = 100_000, now = () => performance.now() }: MemoryTokenBucketStoreOptions = {}): TokenBucketStore {
  // No TTLs and no deletes: lru-cache clears its whole index (O(max)) whenever its last entry goes, which a single
  // busy caller would pay on every request. Recency alone bounds the memory.
  const buckets = new LRUCache<string, Bucket>({ max: maxBuckets });
  return {
    async take(key, limits, cost = 1) {
      checkCost(cost, limits);
      const { capacity, refillPerMs } = limits;
      const at = now();
      const bucket = buckets.get(key);
      let tokens = bucket ? Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.at) * refillPerMs) : capacity;
      const allowed = tokens >= cost;
      if (allowed) tokens -= cost;
      const fullInMs = Math.ceil((capacity - tokens) / refillPerMs);
      if (bucket) {
        bucket.tokens = tokens;
        bucket.at = at;
      } else if (fullInMs > 0) {
        buckets.set(key, { tokens, at });
      }
      return { allowed, remaining: Math.floor(tokens), fullInMs, retryInMs: allowed ? 0 : Math.ceil((cost - tokens) / refillPerMs) };
    },
  };
}
