import { commonEnv, optionalUrl, parseEnv, port, principalSecretEnv, z } from '@junction/config';

/** Environment of the bridges subgraph when it runs on its own. */
export const bridgesEnv = {
  ...commonEnv,
  ...principalSecretEnv,
  /** Redis for the read-through cache under on-chain reads, shared by replicas; unset keeps it in memory. @default unset */
  REDIS_URL: optionalUrl('redis', 'rediss'),
  /** Port of `/graphql`. @default 4003 */
  BRIDGES_PORT: port(4003),
  /** Interface to listen on. @default 127.0.0.1 */
  BRIDGES_HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL schema the service owns. @default bridges */
  BRIDGES_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').default('bridges'),
  /** Fill an empty catalogue with the seed bridges on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * `/graphql` of the chains subgraph, which owns `Chain`: checked on every chain id a mutation names, and asked (as
   * an operator) for the RPC endpoints `Bridge.health` reads through. @default http://127.0.0.1:4002/graphql
   */
  CHAINS_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  /** Milliseconds between health samples (one leader samples across replicas); 0 turns sampling off. @default 15000 */
  BRIDGES_SAMPLE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || ms >= 1000, 'must be 0 (no sampling) or at least 1000')
    .default(15_000),
  /** Hours health samples are kept before they are pruned. @default 168 (7 days) */
  BRIDGES_SAMPLE_RETENTION_HOURS: z.coerce.number().positive('must be more than 0').default(168),
  /** `/graphql` of the partners subgraph, which owns `Partner` (checked on operator ids). @default http://127.0.0.1:4001/graphql */
  PARTNERS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
};

/** The validated configuration of the bridges subgraph. */
export type BridgesConfig = ReturnType<typeof loadBridgesConfig>;

/** Reads and validates the bridges subgraph's environment; throws a message naming every bad variable. */
export function loadBridgesConfig(env: Record<string, string | undefined> = process.env) {
  return parseEnv(bridgesEnv, env);
}
