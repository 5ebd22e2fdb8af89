import { commonEnv, optionalUrl, parseEnv, port, principalSecretEnv, z } from '@junction/config';
import path from 'node:path';
import { parseRateLimits } from './rate-limit/parse-rate-limits';
import type { RateLimits } from './rate-limit/rate-limit-policy';
import { parseSubscriptionLimits, type SubscriptionLimits } from './subscriptions/subscription-limits';
import { protectionEnv, protectionFromEnv, type ProtectionSettings } from './protection/protection-config';
import { persistedDocumentsEnv, persistedDocumentsFromEnv, type TrustedDocumentsSettings } from './persisted-documents/persisted-documents-config';
import { observabilityEnv, observabilityFromEnv } from '@junction/observability';
import { responseCacheEnv, responseCacheFromEnv, type ResponseCacheSettings } from './response-cache/response-cache-settings';

/** The supergraph committed in the repository. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Environment of the gateway. */
export const gatewayEnv = {
  LOG_LEVEL: commonEnv.LOG_LEVEL,
  ...principalSecretEnv,
  /** Port of `/graphql`. @default 4000 */
  GATEWAY_PORT: port(4000),
  /** Interface to listen on. @default localhost */
  GATEWAY_HOST: z.string().default('localhost'),
  /** The supergraph file to serve. @default schema/supergraph.graphql */
  GATEWAY_SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  /** Subgraph URLs; each overrides the URL written in the supergraph. @default the supergraph's */
  PARTNERS_URL: optionalUrl('http', 'https'),
  CHAINS_URL: optionalUrl('http', 'https'),
  BRIDGES_URL: optionalUrl('http', 'https'),
  INCIDENTS_URL: optionalUrl('http', 'https'),
  /** How long a resolved API key is trusted before the gateway asks again: the most a revoked key keeps working. @default 5000 */
  GATEWAY_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /**
   * Rate limits of the roles to change, `ROLE=REQUESTS/WINDOW[:burst=N]` separated by commas (WINDOW in `s`, `m` or
   * `h`), e.g. `PUBLIC=30/60s,PARTNER=1200/1m:burst=200`; roles not named keep their defaults.
   * @default PUBLIC=60/60s,PARTNER=600/60s,OPERATOR=3000/60s,ADMIN=3000/60s
   */
  GATEWAY_RATE_LIMITS: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseRateLimits(text);
      if (parsed.ok) return parsed.limits;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    })
    .optional(),
  /**
   * Caps on the subscriptions (WebSocket and SSE together) one principal may hold open at once on one replica, of the
   * roles to change: `ROLE=N` separated by commas, e.g. `PUBLIC=2,PARTNER=50`; roles not named keep their defaults.
   * @default PUBLIC=5,PARTNER=20,OPERATOR=100,ADMIN=100
   */
  GATEWAY_SUBSCRIPTION_LIMITS: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseSubscriptionLimits(text);
      if (parsed.ok) return parsed.limits;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    })
    .optional(),
  /** Proxies in front of the gateway whose `X-Forwarded-For` is trusted for the client address; 0 uses the socket's. @default 0 */
  GATEWAY_TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, 'must be the number of proxies in front of the gateway (0, 1, 2 …)')
    .transform(Number)
    .default(0),
  /** Redis shared by the gateway replicas (rate limit buckets, response cache); unset keeps them in this process's memory. @default unset */
  REDIS_URL: optionalUrl('redis', 'rediss'),
  /** Query limits, cost budgets, body size, CORS, introspection, subgraph timeouts and retries (`GATEWAY_MAX_DEPTH` …). */
  ...protectionEnv,
  /** The response cache: on or off, and its TTLs (`GATEWAY_RESPONSE_CACHE`, `GATEWAY_RESPONSE_CACHE_TTLS`). */
  ...responseCacheEnv,
  /** Trusted documents and APQ (`GATEWAY_TRUSTED_DOCUMENTS`, `GATEWAY_TRUSTED_DOCUMENTS_MODE`, `GATEWAY_APQ`). */
  ...persistedDocumentsEnv,
  /** `/metrics`, the drain timeout and OTLP tracing (`JUNCTION_METRICS`, `JUNCTION_DRAIN_TIMEOUT_MS`, `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  ...observabilityEnv,
};

/** What {@link createGateway} needs. */
export interface GatewayConfig {
  /** Path of the supergraph SDL file to serve. @default the committed `schema/supergraph.graphql` */
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name (`chains`, ...). @default {} */
  subgraphUrls: Record<string, string>;
  /** Secret to sign principals for subgraphs with. */
  principalSecret: string;
  /** Log level of the runtime. @default 'info' */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How long a resolved API key is trusted before it is looked up again. @default 5000 */
  keyCacheTtlMs?: number;
  /** Rate limits of the roles to change; the others keep `DEFAULT_RATE_LIMITS`. @default {} */
  rateLimits?: Partial<RateLimits>;
  /**
   * Caps on the subscriptions one principal may hold open at once on this replica, of the roles to change; the others
   * keep `DEFAULT_SUBSCRIPTION_LIMITS` (PUBLIC 5 per client address, PARTNER 20, OPERATOR and ADMIN 100 per key).
   * @default {}
   */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /**
   * Serve clients that subscribe with the same operation, variables and view from one upstream subscription,
   * executed once per event (`useSharedSubscriptions`); off, each client has its own. @default true
   */
  shareSubscriptions?: boolean;
  /**
   * Redis shared by the replicas (rate limit buckets, response cache; incident events, unless the host hands the
   * gateway its event bus); the gateway owns the connections. @default undefined (memory)
   */
  redisUrl?: string;
  /** Prefix of the gateway's keys in Redis, so several deployments (or test runs) share one. @default 'junction:ratelimit:' */
  rateLimitKeyPrefix?: string;
  /** Proxies in front of the gateway whose `X-Forwarded-For` is trusted for the client address. @default 0 */
  trustProxy?: number;
  /** Query limits, cost budgets per role, body size, CORS, introspection, subgraph timeouts and retries. @default DEFAULT_PROTECTION */
  protection?: ProtectionSettings;
  /** The response cache (in Redis with `redisUrl`, else memory); `{ enabled: false }` turns it off. @default on, DEFAULT_RESPONSE_CACHE_TTLS */
  responseCache?: ResponseCacheSettings;
  /**
   * The trusted documents manifest and whether only its operations run (`enforce`) or they run beside any other
   * document (`allow`); a manifest that does not read, parse, validate or hash correctly stops the start.
   * @default undefined (off: any document runs)
   */
  trustedDocuments?: TrustedDocumentsSettings;
  /** Automatic persisted queries: store queries clients register by hash (Redis when `redisUrl` is set); never while trusted documents are enforced. @default true */
  apq?: boolean;
  /** Prefix of the APQ keys in Redis. @default 'junction:apq:' */
  apqKeyPrefix?: string;
  /** Serve Prometheus metrics on `/metrics` (no key, no rate limit). @default true */
  metricsEndpoint?: boolean;
  /** How long `close()` lets in-flight requests finish before cutting their connections, in milliseconds. @default 10000 */
  drainTimeoutMs?: number;
  /** How long `/readyz` reuses its last check of the subgraphs and Redis, in milliseconds. @default 2000 */
  readinessCacheMs?: number;
}

/** Reads the gateway's environment; throws a message naming every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig & { port: number; host: string; otlpEndpoint?: string } {
  const parsed = parseEnv(gatewayEnv, env);
  const subgraphUrls: Record<string, string> = {};
  for (const name of ['partners', 'chains', 'bridges', 'incidents'] as const) {
    const url = parsed[`${name.toUpperCase() as Uppercase<typeof name>}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    supergraphPath: parsed.GATEWAY_SUPERGRAPH_PATH,
    subgraphUrls,
    principalSecret: parsed.JUNCTION_PRINCIPAL_SECRET,
    logLevel: parsed.LOG_LEVEL,
    keyCacheTtlMs: parsed.GATEWAY_KEY_CACHE_TTL_MS,
    rateLimits: parsed.GATEWAY_RATE_LIMITS,
    subscriptionLimits: parsed.GATEWAY_SUBSCRIPTION_LIMITS,
    redisUrl: parsed.REDIS_URL,
    trustProxy: parsed.GATEWAY_TRUST_PROXY,
    protection: protectionFromEnv(parsed),
    responseCache: responseCacheFromEnv(parsed),
    ...persistedDocumentsFromEnv(parsed),
    metricsEndpoint: observabilityFromEnv(parsed).metricsEndpoint,
    drainTimeoutMs: observabilityFromEnv(parsed).drainTimeoutMs,
    otlpEndpoint: observabilityFromEnv(parsed).otlpEndpoint,
    port: parsed.GATEWAY_PORT,
    host: parsed.GATEWAY_HOST,
  };
}
