import type { EventBus, EventBusOptions } from './event-bus';
import { createMemoryEventBus } from './memory-event-bus';
import { createRedisEventBus } from './redis-event-bus';

/** Options of {@link openEventBus}. */
export interface OpenEventBusOptions extends EventBusOptions {
  /** Redis, for a bus shared by every replica; unset keeps the bus in this process. @default undefined */
  redisUrl?: string;
}

/** The bus a process should use: Redis pub/sub when `redisUrl` is set, in memory otherwise. */
export function openEventBus({ redisUrl, onHandlerError }: OpenEventBusOptions = {}): EventBus {
  return redisUrl ? createRedisEventBus({ redisUrl, onHandlerError }) : createMemoryEventBus({ onHandlerError });
}
