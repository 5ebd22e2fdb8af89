import { commonEnv, parseEnv, port, principalSecretEnv, z } from '@junction/config';

/** Environment of the chains subgraph when it runs on its own. */
export const chainsEnv = {
  ...commonEnv,
  ...principalSecretEnv,
  /** Port of `/graphql`. @default 4002 */
  CHAINS_PORT: port(4002),
  /** Interface to listen on. @default 127.0.0.1 */
  CHAINS_HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL schema the service owns. @default chains */
  CHAINS_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').default('chains'),
  /** Fill an empty catalogue with the seed networks on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
};

/** The validated configuration of the chains subgraph. */
export type ChainsConfig = ReturnType<typeof loadChainsConfig>;

/** Reads and validates the chains subgraph's environment; throws a message naming every bad variable. */
export function loadChainsConfig(env: Record<string, string | undefined> = process.env) {
  return parseEnv(chainsEnv, env);
}
