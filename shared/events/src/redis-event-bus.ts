import { Redis } from 'ioredis';
import { closeRedisConnection } from './close-redis-connection';
import type { EventBus, EventBusOptions, EventHandler } from './event-bus';

/** Options of {@link createRedisEventBus}. */
export interface RedisEventBusOptions extends EventBusOptions {
  /** The Redis server, e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** Prefix of every channel, so several deployments share one Redis. @default 'junction:events:' */
  channelPrefix?: string;
}

/**
 * A bus on Redis pub/sub, for the distributed layout: every replica that subscribed to a topic receives each
 * message. It holds two connections (a subscribed connection cannot publish), reconnects on its own and
 * re-subscribes after a reconnection; messages published while a replica was disconnected do not reach it.
 */
export function createRedisEventBus({ redisUrl, channelPrefix = 'junction:events:', onHandlerError }: RedisEventBusOptions): EventBus {
  const options = { maxRetriesPerRequest: 2, connectTimeout: 2000, disconnectTimeout: 200 };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  publisher.on('error', () => {});
  subscriber.on('error', () => {});
  const handlers = new Map<string, Set<EventHandler<unknown>>>();

  subscriber.on('message', (channel: string, raw: string) => {
    const topic = channel.slice(channelPrefix.length);
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch (error) {
      onHandlerError?.(error, topic);
      return;
    }
    for (const handler of handlers.get(topic) ?? []) {
      try {
        handler(message);
      } catch (error) {
        onHandlerError?.(error, topic);
      }
    }
  });

  return {
    async publish(topic, message) {
      await publisher.publish(channelPrefix + topic, JSON.stringify(message));
    },
    subscribe<Message>(topic: string, handler: EventHandler<Message>) {
      let subscribers = handlers.get(topic);
      if (!subscribers) {
        subscribers = new Set();
        handlers.set(topic, subscribers);
        subscriber.subscribe(channelPrefix + topic).catch((error: unknown) => onHandlerError?.(error, topic));
      }
      subscribers.add(handler as EventHandler<unknown>);
      return () => {
        subscribers.delete(handler as EventHandler<unknown>);
        if (subscribers.size === 0 && handlers.get(topic) === subscribers) {
          handlers.delete(topic);
          subscriber.unsubscribe(channelPrefix + topic).catch(() => {});
        }
      };
    },
    async ready() {
      await publisher.ping();
      if (subscriber.status !== 'ready') throw new Error(`The event bus's subscriber connection to Redis is ${subscriber.status}.`);
    },
    async close() {
      handlers.clear();
      await Promise.all([closeRedisConnection(publisher), closeRedisConnection(subscriber)]);
    },
  };
}
