import { emitSchema } from '@junction/federation';
import path from 'node:path';
import { buildChainsSchema } from './schema';

/** Writes (or with --check, verifies) `services/chains/schema.graphql`. */
emitSchema(buildChainsSchema, path.join(__dirname, '..', 'schema.graphql'));
