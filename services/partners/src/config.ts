import { commandEnv, commonEnv, parseEnv, port, principalSecretEnv, withAbsoluteDataDir, z } from '@junction/config';

/** A subgraph's `/graphql` URL. */
const subgraphUrl = (defaultUrl: string) =>
  z
    .string()
    .url('must be the http(s) URL of a subgraph, e.g. http://127.0.0.1:4002/graphql')
    .refine((value) => /^https?:\/\//.test(value), { message: 'must start with http:// or https://' })
    .default(defaultUrl);

/** Environment of the partners subgraph when it runs on its own. */
export const partnersEnv = {
  ...commonEnv,
  ...principalSecretEnv,
  /** Port of `/graphql`. @default 4001 */
  PARTNERS_PORT: port(4001),
  /** Interface to listen on. @default 127.0.0.1 */
  PARTNERS_HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL schema the service owns. @default partners */
  PARTNERS_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').default('partners'),
  /** Fill an empty partner directory with the seed partners on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** The chains subgraph, asked whether referenced chain ids exist. @default http://127.0.0.1:4002/graphql */
  CHAINS_URL: subgraphUrl('http://127.0.0.1:4002/graphql'),
  /** The bridges subgraph, asked whether referenced bridge ids exist. @default http://127.0.0.1:4003/graphql */
  BRIDGES_URL: subgraphUrl('http://127.0.0.1:4003/graphql'),
};

/** The validated configuration of the partners subgraph. */
export type PartnersConfig = ReturnType<typeof loadPartnersConfig>;

/** Reads and validates the partners subgraph's environment; throws a message naming every bad variable. */
export function loadPartnersConfig(env: Record<string, string | undefined> = process.env) {
  return parseEnv(partnersEnv, env);
}

/** Environment of the create-key command: the store the service uses, and nothing it does not need. */
export const createKeyEnv = {
  ...commandEnv,
  /** PostgreSQL schema the partners service owns. @default partners */
  PARTNERS_DB_SCHEMA: partnersEnv.PARTNERS_DB_SCHEMA,
};

/** The validated configuration of the create-key command, with the embedded store's directory made absolute. */
export type CreateKeyConfig = ReturnType<typeof loadCreateKeyConfig>;

/** Reads and validates the create-key command's environment; throws a message naming every bad variable. */
export function loadCreateKeyConfig(env: Record<string, string | undefined> = process.env) {
  return withAbsoluteDataDir(parseEnv(createKeyEnv, env));
}
