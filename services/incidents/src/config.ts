import { commandEnv, commonEnv, optionalUrl, parseEnv, port, principalSecretEnv, withAbsoluteDataDir, z } from '@junction/config';
import { parseWebhookSecretKeys, WEBHOOK_SECRET_KEYS_FORMAT } from './webhooks/webhook-secret-keys';

/** A subgraph's `/graphql` URL. */
const subgraphUrl = (defaultUrl: string) =>
  z
    .string()
    .url()
    .refine((value) => value.startsWith('http://') || value.startsWith('https://'), { message: 'must start with http:// or https://' })
    .default(defaultUrl);

/** Environment of the incidents subgraph when it runs on its own. */
export const incidentsEnv = {
  ...commonEnv,
  ...principalSecretEnv,
  /**
   * Redis, for the event bus shared with the gateways and the other replicas (subscriptions and response-cache
   * invalidation need it once there is more than one process). @default unset: events stay in this process
   */
  REDIS_URL: optionalUrl('redis', 'rediss'),
  /**
   * Let webhook endpoints resolve to loopback, private or link-local addresses (receivers inside the deployment's
   * own network). Off, such deliveries fail with a sentence saying why. @default false
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * The keys webhook signing secrets are encrypted with at rest (AES-256-GCM): `keyId=<base64 of 32 bytes>`,
   * comma-separated. The first seals, every one opens: to change keys, put a new one first and keep the old one
   * until `npm run reseal-webhook-secrets -w services/incidents` has sealed every stored secret with the new one.
   * Required: every replica stores or signs with these secrets, whether or not it sends deliveries (`npm start` keeps
   * a generated key in its data directory; in-process test stacks derive one from the principal secret).
   */
  WEBHOOK_SECRET_KEYS: z
    .string({ error: `must be set to the keys webhook signing secrets are encrypted with: ${WEBHOOK_SECRET_KEYS_FORMAT}` })
    .transform((text, ctx) => {
      const parsed = parseWebhookSecretKeys(text);
      if (parsed.ok) return parsed.keys;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  /** Port of `/graphql`. @default 4004 */
  INCIDENTS_PORT: port(4004),
  /** Interface to listen on. @default 127.0.0.1 */
  INCIDENTS_HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL schema the service owns. @default incidents */
  INCIDENTS_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier').default('incidents'),
  /** Fill an empty incident table with the seed incidents on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** The chains subgraph, owner of `Chain`. @default http://127.0.0.1:4002/graphql */
  CHAINS_URL: subgraphUrl('http://127.0.0.1:4002/graphql'),
  /** The partners subgraph, owner of `Partner`. @default http://127.0.0.1:4001/graphql */
  PARTNERS_URL: subgraphUrl('http://127.0.0.1:4001/graphql'),
  /** The bridges subgraph, owner of `Bridge`. @default http://127.0.0.1:4003/graphql */
  BRIDGES_URL: subgraphUrl('http://127.0.0.1:4003/graphql'),
};

/** The validated configuration of the incidents subgraph. */
export type IncidentsConfig = ReturnType<typeof loadIncidentsConfig>;

/** Reads and validates the incidents subgraph's environment; throws a message naming every bad variable. */
export function loadIncidentsConfig(env: Record<string, string | undefined> = process.env) {
  return parseEnv(incidentsEnv, env);
}

/** Environment of the reseal-webhook-secrets command: the store and keys the service uses, and nothing it does not need. */
export const resealWebhookSecretsEnv = {
  ...commandEnv,
  /** The service's encryption keys, validated as the service validates them; the first is the one to seal with. */
  WEBHOOK_SECRET_KEYS: incidentsEnv.WEBHOOK_SECRET_KEYS,
  /** PostgreSQL schema the incidents service owns. @default incidents */
  INCIDENTS_DB_SCHEMA: incidentsEnv.INCIDENTS_DB_SCHEMA,
};

/** The validated configuration of the reseal-webhook-secrets command, with the embedded store's directory made absolute. */
export type ResealWebhookSecretsConfig = ReturnType<typeof loadResealWebhookSecretsConfig>;

/** Reads and validates the reseal-webhook-secrets command's environment; throws a message naming every bad variable. */
export function loadResealWebhookSecretsConfig(env: Record<string, string | undefined> = process.env) {
  return withAbsoluteDataDir(parseEnv(resealWebhookSecretsEnv, env));
}
