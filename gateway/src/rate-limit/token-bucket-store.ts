/** How one bucket fills: it holds at most `capacity` tokens and gains `refillPerMs` tokens every millisecond. */
export interface TokenBucketLimits {
  /** The most tokens the bucket holds, which is the largest burst a caller can make at once. */
  capacity: number;
  /** Tokens added per millisecond, continuously (a fraction: 60 per minute is 0.001). */
  refillPerMs: number;
}

/** What taking tokens from a bucket did. */
export interface TakeTokensResult {
  /** Whether the tokens were taken; when not, the bucket is left as it was (apart from its refill). */
  allowed: boolean;
  /** Whole tokens left in the bucket after this call. */
  remaining: number;
  /** Milliseconds until the bucket is full again (0 when it is full). */
  fullInMs: number;
  /** Milliseconds until the bucket holds the tokens asked for; 0 when they were taken. */
  retryInMs: number;
}

/**
 * Where token buckets live, one per key. A bucket that does not exist yet is full. Implementations must take
 * tokens atomically, so concurrent callers (replicas, too, for a shared store) never spend a token twice.
 *
 * Why our own bucket: the well-kept limiter for Node (rate-limiter-flexible) implements fixed and sliding windows,
 * not a token bucket that refills continuously; the bucket is small enough to own.
 */
export interface TokenBucketStore {
  /**
   * Refills the bucket under `key` for the time since it was last used, then takes `cost` tokens if it holds
   * that many. `cost` 0 only reads the bucket.
   * @param cost - tokens to take, a whole number from 0 to `limits.capacity`. @default 1
   */
  take(key: string, limits: TokenBucketLimits, cost?: number): Promise<TakeTokensResult>;
}

/** Throws a `RangeError` unless `cost` is a whole number the bucket can ever hold. */
export function checkCost(cost: number, limits: TokenBucketLimits): void {
  if (!Number.isInteger(cost) || cost < 0 || cost > limits.capacity) {
    throw new RangeError(`A token bucket of capacity ${limits.capacity} cannot take ${cost} tokens; take a whole number from 0 to ${limits.capacity}.`);
  }
  if (!(limits.refillPerMs > 0) || !(limits.capacity >= 1)) {
    throw new RangeError(`A token bucket needs a capacity of at least 1 and a positive refill rate (got ${limits.capacity} and ${limits.refillPerMs}/ms).`);
  }
}
