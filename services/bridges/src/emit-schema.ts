import { emitSchema } from '@junction/federation';
import path from 'node:path';
import { buildBridgesSchema } from './schema';

/** Writes (or with --check, verifies) `services/bridges/schema.graphql`. */
emitSchema(buildBridgesSchema, path.join(__dirname, '..', 'schema.graphql'));
