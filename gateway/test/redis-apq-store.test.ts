import { createRedisApqStore } from '../src/persisted-documents/redis-apq-store';
import { closeRedisConnection } from '@junction/events';
import { connectGatewayRedis } from '../src/redis/connect-gateway-redis';

// The APQ store while its Redis is down: a miss, a pause so later lookups do not each wait for the command timeout,
// and one log line a minute.

describe('the Redis APQ store while Redis cannot be reached', () => {
  it('misses, then leaves Redis alone for the pause, and reports once a minute', async () => {
    const redis = connectGatewayRedis('redis://127.0.0.1:1');
    const get = jest.spyOn(redis, 'get');
    const set = jest.spyOn(redis, 'set');
    const log = jest.fn();
    let clock = 0;
    const store = createRedisApqStore({ redis, log, now: () => clock, pauseAfterFailureMs: 1000, logEveryMs: 60_000 });
    try {
      expect(await store.get('a'.repeat(64))).toBeUndefined();
      expect(get).toHaveBeenCalledTimes(1);
      expect(log.mock.calls).toEqual([
        [{ level: 'warn', msg: 'The shared APQ store failed 1 time(s) since the last report; clients send their queries in full until it answers again.', error: expect.any(String) }],
      ]);

      // Paused: answered at once, Redis not asked.
      clock = 999;
      const started = performance.now();
      expect(await store.get('a'.repeat(64))).toBeUndefined();
      await store.set('b'.repeat(64), '{ __typename }');
      // Well under the Redis command timeout (500 ms): nothing waited for Redis.
      expect(performance.now() - started).toBeLessThan(400);
      expect([get.mock.calls.length, set.mock.calls.length]).toEqual([1, 0]);

      // After the pause Redis is asked again; the failure is counted, not logged until the minute is over.
      clock = 1000;
      expect(await store.get('a'.repeat(64))).toBeUndefined();
      expect(get).toHaveBeenCalledTimes(2);
      expect(log).toHaveBeenCalledTimes(1);
      clock = 61_000;
      await store.set('b'.repeat(64), '{ __typename }');
      expect(set).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[1][0].msg).toContain('failed 2 time(s)');
    } finally {
      await closeRedisConnection(redis);
    }
  });
});
