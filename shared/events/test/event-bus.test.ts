import { createMemoryEventBus, createRedisEventBus, type EventBus } from '@junction/events';
import { randomBytes } from 'node:crypto';

// The same behaviour on both buses; Redis runs when REDIS_URL is set (CI sets it), as the distributed layout does.
const redisUrl = process.env.REDIS_URL;
const buses: Array<[string, () => [EventBus, EventBus]]> = [
  [
    'memory',
    () => {
      const bus = createMemoryEventBus();
      return [bus, bus];
    },
  ],
];
if (redisUrl) {
  buses.push([
    'redis',
    () => {
      const channelPrefix = `junction:test:${randomBytes(4).toString('hex')}:`;
      return [createRedisEventBus({ redisUrl, channelPrefix }), createRedisEventBus({ redisUrl, channelPrefix })];
    },
  ]);
}

/** Resolves with the first `count` messages `bus` receives on `topic`. */
function collect<Message>(bus: EventBus, topic: string, count: number): Promise<Message[]> {
  const received: Message[] = [];
  return new Promise((resolve) => {
    const stop = bus.subscribe<Message>(topic, (message) => {
      received.push(message);
      if (received.length === count) {
        stop();
        resolve(received);
      }
    });
  });
}

describe.each(buses)('event bus on %s', (name, make) => {
  let publisher: EventBus;
  let replica: EventBus;

  beforeEach(async () => {
    [publisher, replica] = make();
    await waitUntilReady(publisher);
    await waitUntilReady(replica);
  });

  afterEach(async () => {
    await publisher.close();
    if (replica !== publisher) await replica.close();
  });

  it('delivers each message, in order and as a copy, to every subscriber of its topic and no other', async () => {
    const first = collect<{ n: number }>(replica, 'a', 3);
    const second = collect<{ n: number }>(replica, 'a', 3);
    const other: unknown[] = [];
    replica.subscribe('b', (message) => other.push(message));
    await settle(replica);
    const sent = { n: 1 };
    await publisher.publish('a', sent);
    sent.n = 99;
    await publisher.publish('a', { n: 2 });
    await publisher.publish('a', { n: 3 });
    expect(await first).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await second).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(other).toEqual([]);
  });

  it('stops delivering to a subscriber that unsubscribed, and a throwing handler does not stop the others', async () => {
    const stopped: unknown[] = [];
    const stop = replica.subscribe('c', (message) => stopped.push(message));
    replica.subscribe('c', () => {
      throw new Error('handler failed');
    });
    const kept = collect<{ n: number }>(replica, 'c', 2);
    await settle(replica);
    await publisher.publish('c', { n: 1 });
    await waitFor(() => stopped.length === 1);
    stop();
    await publisher.publish('c', { n: 2 });
    expect(await kept).toEqual([{ n: 1 }, { n: 2 }]);
    expect(stopped).toEqual([{ n: 1 }]);
    if (name === 'memory') await expect(replica.close().then(() => replica.publish('c', {}))).rejects.toThrow('The event bus is closed');
  });
});

async function waitUntilReady(bus: EventBus): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await bus.ready();
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Lets a Redis SUBSCRIBE reach the server before the test publishes. */
async function settle(bus: EventBus): Promise<void> {
  await bus.ready();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; !condition(); attempt++) {
    if (attempt > 100) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
