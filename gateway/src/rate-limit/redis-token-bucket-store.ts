import type { Redis } from 'ioredis';
import { checkCost, type TokenBucketStore } from './token-bucket-store';

/**
 * Refills and takes from one bucket, atomically. The clock is Redis's own (`TIME`), so replicas whose clocks
 * disagree still agree on every bucket. A bucket is a hash of its tokens (`t`) and when they were counted (`a`,
 * milliseconds); it expires when it would be full, so idle callers cost no memory.
 *
 * KEYS[1] the bucket; ARGV capacity, refill per millisecond, cost.
 * Returns { allowed (1/0), whole tokens left, ms until full, ms until `cost` tokens are there (0 when taken) }.
 */
const TAKE_TOKENS = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local stored = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(stored[1])
local at = tonumber(stored[2])
if tokens == nil or at == nil then
  tokens = capacity
elseif now > at then
  tokens = math.min(capacity, tokens + (now - at) * rate)
else
  tokens = math.min(capacity, tokens)
end
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) / rate)
end
local full = math.ceil((capacity - tokens) / rate)
if full > 0 then
  redis.call('HSET', KEYS[1], 't', string.format('%.6f', tokens), 'a', string.format('%.3f', now))
  redis.call('PEXPIRE', KEYS[1], full)
else
  redis.call('DEL', KEYS[1])
end
return { allowed, math.floor(tokens), full, retry }
`;

/** The name the script is defined under on the client. */
const COMMAND = 'junctionTakeTokens';

type WithTakeTokens = Redis & {
  [COMMAND](key: string, capacity: number, refillPerMs: string, cost: number): Promise<[number, number, number, number]>;
};

/** Options of {@link createRedisTokenBucketStore}. */
export interface RedisTokenBucketStoreOptions {
  /** The client; the store does not close it. */
  redis: Redis;
  /** Put before every bucket's key, so several deployments (or test runs) share one Redis. @default 'junction:ratelimit:' */
  prefix?: string;
}

/**
 * Token buckets in Redis, shared by every gateway replica: one Lua script (sent once, then run by its SHA) refills
 * by the time elapsed on Redis's clock and takes the tokens in one step.
 */
export function createRedisTokenBucketStore({ redis, prefix = 'junction:ratelimit:' }: RedisTokenBucketStoreOptions): TokenBucketStore {
  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: TAKE_TOKENS });
  const client = redis as WithTakeTokens;
  return {
    async take(key, limits, cost = 1) {
      checkCost(cost, limits);
      // Exponent notation (1e-8) is fine: Lua's tonumber reads it.
      const [allowed, remaining, fullInMs, retryInMs] = await client[COMMAND](`${prefix}${key}`, limits.capacity, String(limits.refillPerMs), cost);
      return { allowed: allowed === 1, remaining, fullInMs, retryInMs };
    },
  };
}
