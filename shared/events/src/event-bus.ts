/** Receives the messages published on a topic. A handler that throws is reported to the bus's `onHandlerError`. */
export type EventHandler<Message> = (message: Message) => void;

/**
 * Publish/subscribe between processes: a message published on a topic reaches every subscriber of that topic, in
 * this process and (on Redis) in every other replica. Delivery is at most once and only to subscribers present at
 * the time: what must never be lost (webhooks) is written to a durable outbox instead.
 */
export interface EventBus {
  /** Sends `message` (JSON-serialisable) to every subscriber of `topic`; resolves once the bus has taken it. */
  publish<Message>(topic: string, message: Message): Promise<void>;
  /** Calls `handler` with each message published on `topic` from now on; returns what stops it. */
  subscribe<Message>(topic: string, handler: EventHandler<Message>): () => void;
  /** Resolves when the bus can deliver (Redis connected and subscribed); rejects with the reason otherwise. */
  ready(): Promise<void>;
  /** Stops delivering and closes what the bus opened. */
  close(): Promise<void>;
}

/** Options every bus takes. */
export interface EventBusOptions {
  /** Told about a handler that threw; the other handlers still run. @default ignored */
  onHandlerError?: (error: unknown, topic: string) => void;
}
