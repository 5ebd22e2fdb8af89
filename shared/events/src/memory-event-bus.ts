import type { EventBus, EventBusOptions, EventHandler } from './event-bus';

/**
 * An in-process bus for the embedded layout (one process hosts every service and the gateway). Messages are
 * copied through JSON, as on Redis, and delivered on a later tick, so a publisher never runs subscribers' code
 * inside its own transaction or request.
 */
export function createMemoryEventBus({ onHandlerError }: EventBusOptions = {}): EventBus {
  const handlers = new Map<string, Set<EventHandler<unknown>>>();
  let closed = false;
  return {
    async publish(topic, message) {
      if (closed) throw new Error(`The event bus is closed; cannot publish on "${topic}".`);
      const encoded = JSON.stringify(message);
      setImmediate(() => {
        for (const handler of handlers.get(topic) ?? []) {
          try {
            handler(JSON.parse(encoded));
          } catch (error) {
            onHandlerError?.(error, topic);
          }
        }
      });
    },
    subscribe<Message>(topic: string, handler: EventHandler<Message>) {
      const subscribers = handlers.get(topic) ?? new Set<EventHandler<unknown>>();
      handlers.set(topic, subscribers);
      subscribers.add(handler as EventHandler<unknown>);
      return () => {
        subscribers.delete(handler as EventHandler<unknown>);
      };
    },
    async ready() {
      if (closed) throw new Error('The event bus is closed.');
    },
    async close() {
      closed = true;
      handlers.clear();
    },
  };
}
