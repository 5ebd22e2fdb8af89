import type { EventBus } from '@junction/events';
import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import type { PubSub } from 'type-graphql';

/** How many events a slow subscriber may fall behind before the oldest are dropped. */
const BUFFERED_EVENTS = 1000;

/**
 * The event bus as type-graphql's `PubSub`: each subscription iterates the messages of its topic from the moment
 * it subscribed, and stops listening when it ends. A subscriber more than {@link BUFFERED_EVENTS} events
 * behind loses the oldest (subscriptions are live views; webhooks are the durable channel).
 */
export function eventBusPubSub(bus: EventBus): PubSub {
  return {
    publish(topic, message) {
      void bus.publish(topic, message);
    },
    subscribe(topic) {
      return new Repeater<unknown>(async (push, stop) => {
        const unsubscribe = bus.subscribe(topic, (message) => {
          void push(message);
        });
        await stop;
        unsubscribe();
      }, new SlidingBuffer(BUFFERED_EVENTS));
    },
  };
}
