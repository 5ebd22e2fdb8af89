import { CacheLoadError, createMemoryBackend, createRedisBackend, ReadThroughCache, type CacheBackend } from '@junction/cache';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

// The same behaviour on both backends; Redis runs when REDIS_URL is set (CI sets it), as the distributed layout does.
const redisUrl = process.env.REDIS_URL;
const backends: Array<[string, () => { backend: CacheBackend; second?: CacheBackend }]> = [
  ['memory', () => ({ backend: createMemoryBackend() })],
];
if (redisUrl) {
  backends.push([
    'redis',
    () => {
      const prefix = `junction:test:${randomBytes(4).toString('hex')}:`;
      return {
        backend: createRedisBackend({ redis: new Redis(redisUrl), prefix, ownsClient: true }),
        second: createRedisBackend({ redis: new Redis(redisUrl), prefix, ownsClient: true }),
      };
    },
  ]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('read-through cache on %s', (name, make) => {
  let backend: CacheBackend;
  let second: CacheBackend | undefined;
  let clock: number;
  let cache: ReadThroughCache;

  beforeEach(() => {
    ({ backend, second } = make());
    clock = Date.now();
    cache = new ReadThroughCache({ backend, now: () => clock });
  });

  afterEach(async () => {
    await backend.close();
    await second?.close();
  });

  function countingLoader<T>(value: T, delayMs = 20) {
    let calls = 0;
    return {
      load: async () => {
        calls += 1;
        await sleep(delayMs);
        return value;
      },
      calls: () => calls,
    };
  }

  it('makes one upstream call for 200 concurrent identical reads', async () => {
    const upstream = countingLoader({ head: 123n, at: new Date(0) });
    const reads = await Promise.all(Array.from({ length: 200 }, () => cache.read('head', upstream.load, { freshMs: 1000 })));
    expect(upstream.calls()).toBe(1);
    for (const read of reads) expect(read).toEqual({ value: { head: 123n, at: new Date(0) }, observedAt: new Date(clock), stale: false });
  });

  it('serves a fresh value without calling upstream, and loads again once it is too old', async () => {
    const upstream = countingLoader(1);
    await cache.read('k', upstream.load, { freshMs: 1000, revalidateMs: 0 });
    clock += 999;
    await cache.read('k', upstream.load, { freshMs: 1000, revalidateMs: 0 });
    expect(upstream.calls()).toBe(1);
    clock += 2;
    await cache.read('k', upstream.load, { freshMs: 1000, revalidateMs: 0 });
    expect(upstream.calls()).toBe(2);
  });

  it('answers from the recent value at once while one caller revalidates it in the background', async () => {
    let value = 'old';
    let calls = 0;
    const slow = async () => {
      calls += 1;
      await sleep(300);
      return value;
    };
    await cache.read('k', slow, { freshMs: 1000, revalidateMs: 5000 });
    value = 'new';
    clock += 1500;
    const started = Date.now();
    const reads = await Promise.all(Array.from({ length: 20 }, () => cache.read('k', slow, { freshMs: 1000, revalidateMs: 5000 })));
    expect(Date.now() - started).toBeLessThan(150);
    expect(reads.every((read) => read.value === 'old' && !read.stale)).toBe(true);
    await sleep(400);
    expect(calls).toBe(2);
    expect((await cache.read('k', slow, { freshMs: 1000 })).value).toBe('new');
  });

  it('remembers a failure briefly instead of calling a failing upstream again', async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('connection refused');
    };
    await expect(cache.read('k', failing, { freshMs: 1000, negativeMs: 2000 })).rejects.toThrow('connection refused');
    clock += 1000;
    await expect(cache.read('k', failing, { freshMs: 1000, negativeMs: 2000 })).rejects.toThrow('connection refused');
    expect(calls).toBe(1);
    clock += 1001;
    await expect(cache.read('k', failing, { freshMs: 1000, negativeMs: 2000 })).rejects.toThrow('connection refused');
    expect(calls).toBe(2);
  });

  it('returns the last known value flagged stale, with the error, when upstream fails', async () => {
    const firstObserved = clock;
    await cache.read('k', async () => 42, { freshMs: 1000, revalidateMs: 0 });
    clock += 60_000;
    const failure = new Error('all endpoints down');
    const read = await cache.read('k', async () => Promise.reject(failure), { freshMs: 1000, revalidateMs: 0 });
    expect(read).toEqual({ value: 42, observedAt: new Date(firstObserved), stale: true, error: failure });
    const again = await cache.read('k', async () => 43, { freshMs: 1000, revalidateMs: 0, negativeMs: 2000 });
    expect(again.stale).toBe(true);
    expect(again.value).toBe(42);
  });

  it('drops the last known value after keepMs and reports the failure', async () => {
    await cache.read('k', async () => 42, { freshMs: 1000, revalidateMs: 0, keepMs: 10_000 });
    clock += 20_000;
    await expect(cache.read('k', async () => Promise.reject(new Error('down')), { freshMs: 1000, revalidateMs: 0, keepMs: 10_000 })).rejects.toThrow('down');
  });

  it('takes the value another replica stored between its last look and its taking the lock, without loading again', async () => {
    // The other replica holds the lock; it stores its value and lets the lock go right after this one's look.
    const release = await backend.tryLock('raced', 10_000);
    let looks = 0;
    const racing: CacheBackend = {
      ...backend,
      async get(key) {
        const entry = await backend.get(key);
        // Looks: before loading, then while waiting; after the first look in the wait, the other replica finishes.
        if (++looks === 2) {
          await backend.set(key, { value: JSON.stringify('from the other replica'), observedAt: clock }, 60_000);
          await release!();
        }
        return entry;
      },
    };
    const upstream = countingLoader('loaded here');
    const read = await new ReadThroughCache({ backend: racing, now: () => clock }).read('raced', upstream.load, { freshMs: 1000 });
    expect(read.value).toBe('from the other replica');
    expect(upstream.calls()).toBe(0);
  });

  if (name === 'redis') {
    it('makes one upstream call across two processes sharing the backend', async () => {
      const other = new ReadThroughCache({ backend: second as CacheBackend, now: () => clock });
      const upstream = countingLoader('shared', 100);
      const reads = await Promise.all([
        ...Array.from({ length: 50 }, () => cache.read('cross', upstream.load, { freshMs: 1000 })),
        ...Array.from({ length: 50 }, () => other.read('cross', upstream.load, { freshMs: 1000 })),
      ]);
      expect(upstream.calls()).toBe(1);
      expect(reads.every((read) => read.value === 'shared')).toBe(true);
    });

    it('shares a failure recorded by another process as a CacheLoadError with its message', async () => {
      const other = new ReadThroughCache({ backend: second as CacheBackend, now: () => clock });
      await expect(cache.read('fail', async () => Promise.reject(new Error('rpc timeout')), { freshMs: 1000 })).rejects.toThrow('rpc timeout');
      const read = other.read('fail', async () => 'never', { freshMs: 1000, negativeMs: 5000 });
      await expect(read).rejects.toBeInstanceOf(CacheLoadError);
      await expect(read).rejects.toThrow('rpc timeout');
    });
  }
});
