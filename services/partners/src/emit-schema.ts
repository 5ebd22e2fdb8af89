import { emitSchema } from '@junction/federation';
import path from 'node:path';
import { buildPartnersSchema } from './schema';

/** Writes (or with --check, verifies) `services/partners/schema.graphql`. */
emitSchema(buildPartnersSchema, path.join(__dirname, '..', 'schema.graphql'));
