import { emitSchema } from '@junction/federation';
import path from 'node:path';
import { buildIncidentsSchema } from './schema';

/** Writes (or with --check, verifies) `services/incidents/schema.graphql`. */
emitSchema(buildIncidentsSchema, path.join(__dirname, '..', 'schema.graphql'));
