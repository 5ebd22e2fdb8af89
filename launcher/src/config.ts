import { bridgesEnv } from '@junction/bridges';
import { chainsEnv } from '@junction/chains';
import { incidentsEnv } from '@junction/incidents';
import { commonEnv, optionalUrl, parseEnv, port, z } from '@junction/config';
import { gatewayEnv, persistedDocumentsEnv, protectionEnv, responseCacheEnv } from '@junction/gateway';
import { observabilityEnv } from '@junction/observability';
import { randomBytes } from 'node:crypto';

/** Environment of the one-process launcher behind `npm start`. */
export const launcherEnv = {
  ...commonEnv,
  /** Port of the gateway's `/graphql`. @default 4000 */
  GATEWAY_PORT: port(4000),
  /** Interface the gateway listens on. @default localhost */
  GATEWAY_HOST: z.string().default('localhost'),
  /** Ports of the subgraphs (loopback only). @default 4001–4004 */
  PARTNERS_PORT: port(4001),
  CHAINS_PORT: port(4002),
  BRIDGES_PORT: port(4003),
  INCIDENTS_PORT: port(4004),
  /** Secret between gateway and subgraphs; generated per start when unset (they share the process). */
  JUNCTION_PRINCIPAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Redis for the shared cache and the gateway's rate limit buckets; unset keeps both in memory. @default unset */
  REDIS_URL: optionalUrl('redis', 'rediss'),
  /** The gateway's rate limits per role and the proxies it trusts, as for the standalone gateway. @default its defaults */
  GATEWAY_RATE_LIMITS: gatewayEnv.GATEWAY_RATE_LIMITS,
  GATEWAY_TRUST_PROXY: gatewayEnv.GATEWAY_TRUST_PROXY,
  /** The gateway's protection (`GATEWAY_MAX_DEPTH`, `GATEWAY_MAX_COST`, `GATEWAY_INTROSPECTION` …), as for the standalone gateway. @default its defaults */
  ...protectionEnv,
  /** The gateway's response cache (`GATEWAY_RESPONSE_CACHE`, `GATEWAY_RESPONSE_CACHE_TTLS`), as for the standalone gateway. @default on, its TTLs */
  ...responseCacheEnv,
  /** The gateway's trusted documents and APQ (`GATEWAY_TRUSTED_DOCUMENTS`, `GATEWAY_TRUSTED_DOCUMENTS_MODE`, `GATEWAY_APQ`), as for the standalone gateway. @default off / APQ on */
  ...persistedDocumentsEnv,
  /** Start the local devnet (anvil L1 and two L2s) and list its chains in the catalogue. @default true */
  JUNCTION_DEVNET: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** The chains health sampler, as for the standalone chains service. @default every 15 s, every chain, 7 days kept */
  CHAINS_SAMPLE_INTERVAL_MS: chainsEnv.CHAINS_SAMPLE_INTERVAL_MS,
  CHAINS_SAMPLE_RETENTION_HOURS: chainsEnv.CHAINS_SAMPLE_RETENTION_HOURS,
  CHAINS_SAMPLE_CHAINS: chainsEnv.CHAINS_SAMPLE_CHAINS,
  /** The bridges health sampler, as for the standalone bridges service. @default every 15 s, 7 days kept */
  BRIDGES_SAMPLE_INTERVAL_MS: bridgesEnv.BRIDGES_SAMPLE_INTERVAL_MS,
  BRIDGES_SAMPLE_RETENTION_HOURS: bridgesEnv.BRIDGES_SAMPLE_RETENTION_HOURS,
  /** `/metrics` on every server, the drain timeout and OTLP tracing (`JUNCTION_METRICS`, `JUNCTION_DRAIN_TIMEOUT_MS`, `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  ...observabilityEnv,
  /**
   * Let webhook deliveries reach loopback and private addresses (receivers on this machine). Unlike the standalone
   * incidents service, `npm start` allows it by default; `false` refuses them as a deployment must. @default true
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /**
   * The keys webhook signing secrets are encrypted with, as for the standalone incidents service. @default a key
   * generated on the first start and kept in `JUNCTION_DATA_DIR/webhook-secret-keys`
   */
  WEBHOOK_SECRET_KEYS: incidentsEnv.WEBHOOK_SECRET_KEYS.optional(),
  /** Fill empty stores with the seed catalogue on start. @default true */
  JUNCTION_SEED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
};

/** The launcher's validated configuration. */
export type LauncherConfig = ReturnType<typeof loadLauncherConfig>;

/** Reads and validates the launcher's environment. */
export function loadLauncherConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(launcherEnv, env);
  return { ...parsed, JUNCTION_PRINCIPAL_SECRET: parsed.JUNCTION_PRINCIPAL_SECRET ?? randomBytes(32).toString('hex') };
}
