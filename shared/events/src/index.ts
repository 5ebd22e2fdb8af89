export type { EventBus, EventBusOptions, EventHandler } from './event-bus';
export { createMemoryEventBus } from './memory-event-bus';
export { createRedisEventBus, type RedisEventBusOptions } from './redis-event-bus';
export { openEventBus, type OpenEventBusOptions } from './open-event-bus';
export { INCIDENT_EVENT_KINDS, INCIDENT_EVENTS_TOPIC, type IncidentEventKind, type IncidentEventMessage } from './incident-events';
export { closeRedisConnection } from './close-redis-connection';
