import { commonEnv, optionalUrl, parseEnv, port, principalSecretEnv, z } from '@junction/config';

/** Environment of the chains subgraph when it runs on its own. */
export const chainsEnv = {
  ...commonEnv,
  ...principalSecretEnv,
  /** Redis for the read-through cache under on-chain reads, shared by replicas; unset keeps it in memory. @default unset */
  REDIS_URL: optionalUrl('redis', 'rediss'),
  /** Port of `/graphql`. @default 4002 */
  CHAINS_PORT: port(4002),
  /** Interface to listen on. @default 127.0.0.1 */
  CHAINS_HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL schema the service owns. @default chains */
  CHAINS_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').default('chains'),
  /** Fill an empty catalogue with the seed networks on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Milliseconds between health samples (one leader samples across replicas); 0 turns sampling off. @default 15000 */
  CHAINS_SAMPLE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || ms >= 1000, 'must be 0 (no sampling) or at least 1000')
    .default(15_000),
  /** Hours health samples are kept before they are pruned. @default 168 (7 days) */
  CHAINS_SAMPLE_RETENTION_HOURS: z.coerce.number().positive('must be more than 0').default(168),
  /**
   * Comma-separated slugs of the chains to sample, e.g. `ethereum,base`; unset samples every active chain that has
   * RPC endpoints. @default unset
   */
  CHAINS_SAMPLE_CHAINS: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'must be chain slugs separated by commas, e.g. ethereum,base')
    .transform((list) => list.split(','))
    .optional(),
};

/** The validated configuration of the chains subgraph. */
export type ChainsConfig = ReturnType<typeof loadChainsConfig>;

/** Reads and validates the chains subgraph's environment; throws a message naming every bad variable. */
export function loadChainsConfig(env: Record<string, string | undefined> = process.env) {
  return parseEnv(chainsEnv, env);
}
