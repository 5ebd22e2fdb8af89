import { createMemoryEventBus } from '@junction/events';
import { emitSchema } from '@junction/federation';
import path from 'node:path';
import { eventBusPubSub } from './events/event-bus-pub-sub';
import { buildIncidentsSchema } from './schema';

/** Writes (or with --check, verifies) `services/incidents/schema.graphql`. */
emitSchema((instances) => buildIncidentsSchema(instances, eventBusPubSub(createMemoryEventBus())), path.join(__dirname, '..', 'schema.graphql'));
