import type { Redis } from 'ioredis';
import { RedisFallback, type FailureLog, type FailureLogEntry } from '../redis/redis-fallback';
import type { ResponseCacheStore } from './response-cache-store';

/** One line of the response cache's log about Redis: `warn` while answers are only recomputed; `error` when an invalidation could not be written yet. */
export type ResponseCacheLogEntry = FailureLogEntry;

/** Options of {@link createRedisResponseCacheStore}. */
export interface RedisResponseCacheStoreOptions {
  /** The gateway's Redis connection (it stays the gateway's to close). */
  redis: Redis;
  /** Prefix of every key. @default 'junction:response-cache:' */
  prefix?: string;
  /** Where failures are reported (at most once a minute). @default a JSON line on stderr */
  log?: FailureLog;
  /** After a failure, Redis is left alone for this long (lookups miss at once rather than wait for its timeout). @default 1000 */
  pauseAfterFailureMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * Looks an answer up and checks it in one round trip. KEYS: answer, clock, stamps. Returns `{clock}` or
 * `{clock, json}`. A kept value is `<clock>\n<type> <type> …\n<json>`.
 */
const LOOKUP = `
local clock = tonumber(redis.call('GET', KEYS[2]) or '0')
local value = redis.call('GET', KEYS[1])
if not value then return {clock} end
local first = string.find(value, '\\n', 1, true)
local second = string.find(value, '\\n', first + 1, true)
local kept = tonumber(string.sub(value, 1, first - 1))
local names = {}
for name in string.gmatch(string.sub(value, first + 1, second - 1), '%S+') do names[#names + 1] = name end
if #names > 0 then
  local stamps = redis.call('HMGET', KEYS[3], unpack(names))
  for i = 1, #stamps do
    if stamps[i] and tonumber(stamps[i]) > kept then return {clock} end
  end
end
return {clock, string.sub(value, second + 1)}`;

/** Advances the clock and stamps each type (ARGV) with it. KEYS: clock, stamps. */
const INVALIDATE = `
local clock = redis.call('INCR', KEYS[1])
for i = 1, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], clock) end
return clock`;

/** The scripts, as ioredis defines them on the connection. */
interface ScriptedRedis {
  junctionResponseCacheLookup(answerKey: string, clockKey: string, stampsKey: string): Promise<[number, string?]>;
  junctionResponseCacheInvalidate(clockKey: string, stampsKey: string, ...types: string[]): Promise<number>;
}

/**
 * The response cache in Redis, shared by every gateway replica: an answer stored by one is served by all, and an
 * invalidation by one (a mutation it ran) is seen by all at their next lookup. A lookup (answer and the stamps of
 * the types it depends on) is one script, one round trip; invalidating is one script that advances a shared clock.
 * Answers expire by Redis TTL; the clock and the stamps (one hash field per type) stay.
 *
 * When Redis fails, lookups miss and nothing is stored (answers are computed, never served stale), for
 * `pauseAfterFailureMs` without asking Redis at all. An invalidation that could not be written is kept and retried
 * before this replica looks anything up again, and until it is written this replica serves nothing from the cache.
 */
export function createRedisResponseCacheStore({
  redis,
  prefix = 'junction:response-cache:',
  log,
  pauseAfterFailureMs,
  now,
}: RedisResponseCacheStoreOptions): ResponseCacheStore {
  if (!('junctionResponseCacheLookup' in redis)) {
    redis.defineCommand('junctionResponseCacheLookup', { numberOfKeys: 3, lua: LOOKUP });
    redis.defineCommand('junctionResponseCacheInvalidate', { numberOfKeys: 2, lua: INVALIDATE });
  }
  const scripted = redis as unknown as ScriptedRedis;
  const clockKey = `${prefix}clock`;
  const stampsKey = `${prefix}stamps`;
  const answerKey = (key: string) => `${prefix}answer:${key}`;
  const pending = new Set<string>();
  const fallback = new RedisFallback({ log, pauseAfterFailureMs, now });
  const fail = (error: unknown, level: ResponseCacheLogEntry['level'], msg: string) => fallback.failed(error, () => msg, level);
  /** Writes the invalidations still pending; true when none is left. */
  const flush = async () => {
    if (pending.size === 0) return true;
    if (fallback.paused) return false;
    const types = [...pending];
    try {
      await scripted.junctionResponseCacheInvalidate(clockKey, stampsKey, ...types);
      for (const type of types) pending.delete(type);
      return true;
    } catch (error) {
      fail(error, 'error', `The response cache could not record an invalidation of ${types.join(', ')} in Redis; this replica serves nothing from the cache until it can.`);
      return false;
    }
  };

  return {
    kind: 'redis',
    async lookup(key) {
      if (fallback.paused || !(await flush())) return {};
      try {
        const [clock, json] = await scripted.junctionResponseCacheLookup(answerKey(key), clockKey, stampsKey);
        return json === undefined ? { clock } : { clock, result: JSON.parse(json) };
      } catch (error) {
        fail(error, 'warn', 'The response cache could not read Redis; answers are computed until it answers again.');
        return {};
      }
    },
    async store(key, { result, clock, dependsOn }, ttlMs) {
      if (fallback.paused) return;
      try {
        await redis.set(answerKey(key), `${clock}\n${dependsOn.join(' ')}\n${JSON.stringify(result)}`, 'PX', Math.max(1, Math.round(ttlMs)));
      } catch (error) {
        fail(error, 'warn', 'The response cache could not write to Redis; answers are computed until it answers again.');
      }
    },
    async invalidate(types) {
      for (const type of types) pending.add(type);
      fallback.resume();
      await flush();
    },
  };
}
