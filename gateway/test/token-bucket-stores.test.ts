import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createFailOpenTokenBucketStore } from '../src/rate-limit/fail-open-token-bucket-store';
import { createMemoryTokenBucketStore } from '../src/rate-limit/memory-token-bucket-store';
import { createRedisTokenBucketStore } from '../src/rate-limit/redis-token-bucket-store';
import type { TokenBucketLimits, TokenBucketStore } from '../src/rate-limit/token-bucket-store';

// The token bucket behind the gateway's rate limits, in memory and in Redis: the same behaviour from both.

/** 10 tokens, one more every 100 ms. */
const LIMITS: TokenBucketLimits = { capacity: 10, refillPerMs: 0.01 };

describe('memory token buckets', () => {
  let clock = 0;
  const store = createMemoryTokenBucketStore({ now: () => clock });

  it('start full, take one token per call and refill by the time elapsed, never past capacity', async () => {
    clock = 1_000;
    const first = await store.take('a', LIMITS);
    expect(first).toEqual({ allowed: true, remaining: 9, fullInMs: 100, retryInMs: 0 });
    for (let i = 0; i < 9; i++) await store.take('a', LIMITS);
    expect(await store.take('a', LIMITS)).toEqual({ allowed: false, remaining: 0, fullInMs: 1000, retryInMs: 100 });

    clock += 250; // 2.5 tokens back
    expect(await store.take('a', LIMITS)).toEqual({ allowed: true, remaining: 1, fullInMs: 850, retryInMs: 0 });
    expect(await store.take('a', LIMITS, 2)).toEqual({ allowed: false, remaining: 1, fullInMs: 850, retryInMs: 50 });

    clock += 60_000;
    expect(await store.take('a', LIMITS, 0)).toEqual({ allowed: true, remaining: 10, fullInMs: 0, retryInMs: 0 });
    expect(await store.take('b', LIMITS, 10)).toEqual({ allowed: true, remaining: 0, fullInMs: 1000, retryInMs: 0 });
  });

  it('refuse a cost the bucket can never hold', async () => {
    await expect(store.take('a', LIMITS, 11)).rejects.toThrow('A token bucket of capacity 10 cannot take 11 tokens; take a whole number from 0 to 10.');
    await expect(store.take('a', LIMITS, 0.5)).rejects.toThrow(RangeError);
  });

  it('stay bounded: past maxBuckets the least recently used bucket is forgotten (and is full again)', async () => {
    const small = createMemoryTokenBucketStore({ maxBuckets: 2, now: () => clock });
    await small.take('a', LIMITS, 10);
    await small.take('b', LIMITS, 10);
    await small.take('c', LIMITS, 10);
    expect((await small.take('a', LIMITS, 0)).remaining).toBe(10);
    expect((await small.take('c', LIMITS, 0)).remaining).toBe(0);
  });
});

describe('failing open', () => {
  it('answers from the fallback while the primary fails, and logs once per interval', async () => {
    let clock = 0;
    let broken = true;
    const memory = createMemoryTokenBucketStore({ now: () => clock });
    const primary: TokenBucketStore = {
      async take() {
        if (broken) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
        return { allowed: true, remaining: 42, fullInMs: 0, retryInMs: 0 };
      },
    };
    const log = jest.fn();
    const store = createFailOpenTokenBucketStore({ primary, fallback: memory, log, now: () => clock, logEveryMs: 60_000, pauseAfterFailureMs: 1000 });

    expect((await store.take('k', LIMITS)).remaining).toBe(9);
    expect((await store.take('k', LIMITS)).remaining).toBe(8);
    clock = 5_000;
    await store.take('k', LIMITS);
    expect(log.mock.calls).toEqual([
      [{ level: 'warn', msg: expect.stringContaining('failed 1 time(s)'), error: 'connect ECONNREFUSED 127.0.0.1:6379' }],
    ]);
    clock = 61_000;
    await store.take('k', LIMITS);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[1][0].msg).toContain('failed 2 time(s)');

    broken = false;
    clock = 61_500; // still pausing after the last failure
    expect((await store.take('k', LIMITS)).remaining).toBe(9); // from the fallback, full again: not the primary's 42
    clock = 62_500;
    expect((await store.take('k', LIMITS)).remaining).toBe(42);
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)('Redis token buckets (REDIS_URL)', () => {
  const prefix = `junction-test:${randomBytes(4).toString('hex')}:buckets:`;
  let redis: Redis;
  let store: TokenBucketStore;

  beforeAll(() => {
    redis = new Redis(redisUrl!);
    store = createRedisTokenBucketStore({ redis, prefix });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('take exactly the tokens there are, however many replicas ask at once', async () => {
    const replica = redis.duplicate();
    const other = createRedisTokenBucketStore({ redis: replica, prefix });
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 ? store : other).take('race', LIMITS)));
      expect(answers.filter((answer) => answer.allowed)).toHaveLength(10);
      const refused = answers.filter((answer) => !answer.allowed);
      expect(refused.every((answer) => answer.remaining === 0 && answer.retryInMs > 0 && answer.retryInMs <= 100)).toBe(true);
    } finally {
      await replica.quit();
    }
  });

  it('refill by Redis’s clock and expire a bucket when it would be full', async () => {
    const first = await store.take('refill', { capacity: 2, refillPerMs: 0.01 }, 2);
    expect(first).toEqual({ allowed: true, remaining: 0, fullInMs: 200, retryInMs: 0 });
    const ttl = await redis.pttl(`${prefix}refill`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(200);
    await new Promise((resolve) => setTimeout(resolve, ttl + 20));
    expect(await redis.exists(`${prefix}refill`)).toBe(0);
    expect(await store.take('refill', { capacity: 2, refillPerMs: 0.01 })).toEqual({ allowed: true, remaining: 1, fullInMs: 100, retryInMs: 0 });
    expect(await store.take('refill', { capacity: 2, refillPerMs: 0.01 }, 0)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('agree with the memory store on the arithmetic', async () => {
    // The memory store's clock stands still; Redis's runs, so its waits may be shorter by the time the test has taken.
    const memory = createMemoryTokenBucketStore({ now: () => 0 });
    const limits = { capacity: 5, refillPerMs: 1 / 60_000 };
    const startedAt = performance.now();
    for (let i = 0; i < 7; i++) {
      const [inRedis, inMemory] = await Promise.all([store.take('same', limits), memory.take('same', limits)]);
      const elapsedMs = performance.now() - startedAt + 1;
      expect({ allowed: inRedis.allowed, remaining: inRedis.remaining }).toEqual({ allowed: inMemory.allowed, remaining: inMemory.remaining });
      for (const wait of ['fullInMs', 'retryInMs'] as const) {
        expect(inRedis[wait]).toBeLessThanOrEqual(inMemory[wait] + 1);
        expect(inRedis[wait]).toBeGreaterThanOrEqual(inMemory[wait] - elapsedMs);
      }
    }
  });
});
