import type { Redis } from 'ioredis';
import type { FailureLog } from '../redis/redis-fallback';
import { createFailOpenTokenBucketStore } from './fail-open-token-bucket-store';
import { createMemoryTokenBucketStore } from './memory-token-bucket-store';
import { createRedisTokenBucketStore } from './redis-token-bucket-store';
import type { TokenBucketStore } from './token-bucket-store';

/** Options of {@link createRateLimitStore}. */
export interface CreateRateLimitStoreOptions {
  /** Redis shared by the replicas; without it the buckets live in this process's memory. @default undefined */
  redis?: Redis;
  /** Prefix of the buckets' keys in Redis. @default 'junction:ratelimit:' */
  prefix?: string;
  /** Where a failing Redis is reported (once a minute). @default a JSON line on stderr */
  log?: FailureLog;
}

/**
 * The buckets the gateway limits with: in Redis when it has one (shared by every replica, failing open to memory
 * for a request when Redis fails), in memory otherwise (the embedded layout).
 */
export function createRateLimitStore({ redis, prefix, log }: CreateRateLimitStoreOptions = {}): TokenBucketStore {
  const memory = createMemoryTokenBucketStore();
  if (!redis) return memory;
  return createFailOpenTokenBucketStore({ primary: createRedisTokenBucketStore({ redis, prefix }), fallback: memory, log });
}
