import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './config';
import { createOfflineGraphiQL } from './graphiql';
import { ApiKeyPrincipals } from './identity/api-key-principals';
import { useSharedSubscriptions, type SharedSubscriptions } from './plugins/use-shared-subscriptions';
import { useApiKeyAuth } from './plugins/use-api-key-auth';
import { useSignedPrincipal } from './plugins/use-signed-principal';
import { useSharedSubgraphFetches } from './plugins/use-shared-subgraph-fetches';
import { createPrincipalDependence } from './identity/principal-dependence';
import { subgraphTransportEntries } from './identity/subgraph-transport-entries';
import { identifyRequest, needsKeyLookup } from './identity/resolve-caller';
import { subgraphUrls as effectiveSubgraphUrls } from './supergraph/subgraph-urls';
import { logToLogger } from './redis/redis-fallback';
import { useRateLimit } from './plugins/use-rate-limit';
import { createRateLimitStore } from './rate-limit/create-rate-limit-store';
import { withDefaultRateLimits } from './rate-limit/rate-limit-policy';
import { connectGatewayRedis } from './redis/connect-gateway-redis';
import { createResponseCache, type ResponseCache } from './response-cache/create-response-cache';
import { useCostBudget } from './plugins/use-cost-budget';
import { useCsrfPrevention } from './plugins/use-csrf-prevention';
import { createPersistedDocumentsPlugin } from './persisted-documents/create-persisted-documents-plugin';
import { readTrustedDocuments } from './persisted-documents/read-trusted-documents';
import { useOperatorIntrospection } from './plugins/use-operator-introspection';
import { useQueryLimits } from './plugins/use-query-limits';
import { useRequestBodyLimit } from './plugins/use-request-body-limit';
import { useSubgraphErrors } from './plugins/use-subgraph-errors';
import { corsForOrigins } from './protection/cors-for-origins';
import { readCostDirectives } from './protection/cost-directives';
import { withDefaultProtection } from './protection/protection-config';
import { retryQueriesOnly } from './protection/retry-queries-only';
import { createGatewayObservability, type GatewayDependencies } from './observability/gateway-observability';
import type { GatewayMetrics } from './observability/gateway-metrics';
import { releaseRuntimeSignalHandlers } from './observability/release-runtime-signal-handlers';
import type { WebSocketServerLike } from '@junction/observability';
import { closeRedisConnection, openEventBus } from '@junction/events';
import { useSubscriptionLimit, type SubscriptionLimit } from './plugins/use-subscription-limit';
import { invalidateOnIncidentEvents } from './response-cache/invalidate-on-incident-events';
import { timeoutExceptSubscriptions } from './protection/timeout-except-subscriptions';
import { serveGraphQLWs } from './subscriptions/serve-graphql-ws';
import { withDefaultSubscriptionLimits } from './subscriptions/subscription-limits';

export type { GatewayConfig } from './config';
export type { GatewayDependencies } from './observability/gateway-observability';
export { GatewayMetrics } from './observability/gateway-metrics';
export { gatewayEnv } from './config';
export type { RateLimitPolicy, RateLimits } from './rate-limit/rate-limit-policy';
export { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './subscriptions/subscription-limits';
export { persistedDocumentsEnv, persistedDocumentsFromEnv, type TrustedDocumentsMode, type TrustedDocumentsSettings } from './persisted-documents/persisted-documents-config';
export { TrustedDocumentsManifestError } from './persisted-documents/trusted-documents-manifest-error';
export type { ResponseCache } from './response-cache/create-response-cache';
export { DEFAULT_RESPONSE_CACHE_TTLS, responseCacheEnv, responseCacheFromEnv, type ResponseCacheSettings } from './response-cache/response-cache-settings';
export { DEFAULT_PROTECTION, protectionEnv, protectionFromEnv, type ProtectionConfig, type ProtectionSettings } from './protection/protection-config';

/** A built (not listening) gateway. */
export interface Gateway {
  /** The Hive Gateway runtime; `runtime.fetch(request)` serves a request in-process. */
  runtime: GatewayRuntime;
  /** The node HTTP server around the runtime. */
  http: Server;
  /** Resolves API keys to principals (`lookups` counts the keys looked up at the partners subgraph, `questions` the requests). */
  principals: ApiKeyPrincipals;
  /** The metrics `/metrics` serves; the response cache counts its hits and misses here. */
  metrics: GatewayMetrics;
  /** The response cache; `responseCache.invalidate(types)` makes cached answers holding those types stale on every replica. */
  responseCache: ResponseCache;
  /** The cap on open subscriptions per principal on this replica: `activeSubscriptions('key:<keyId>')` counts a key's. */
  subscriptionLimit: SubscriptionLimit;
  /** The upstream subscriptions that serve this replica's subscribers. */
  sharedSubscriptions: SharedSubscriptions;
  /** WebSocket servers on {@link http} (GraphQL over WebSocket on `/graphql`), whose clients `close()` sends 1001 (going away). */
  webSocketServers: Set<WebSocketServerLike>;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Stops gracefully: `/readyz` answers 503, no new connection is accepted, WebSockets are closed with 1001,
   * in-flight requests finish (up to `config.drainTimeoutMs`), then the runtime is disposed and Redis closed.
   */
  close(): Promise<void>;
}

/**
 * Builds the gateway: the Hive Gateway runtime serving the supergraph at `config.supergraphPath` on `/graphql`
 * (POST and GET, GraphiQL for browsers with no network access needed), `/healthz` and `/readyz`. Protection
 * (`config.protection`): body size, CSRF, query depth/aliases/tokens, cost budgets per role, CORS, introspection
 * policy, subgraph timeouts and query-only retries, errors that name the failing subgraph. Trusted documents
 * (`config.trustedDocuments`: a bad manifest throws here) and APQ (`config.apq`). Subscriptions over WebSocket
 * (graphql-ws on `/graphql`) and SSE (`Accept: text/event-stream`), capped per principal (`config.subscriptionLimits`);
 * incident events (`dependencies.events`, or a bus on `config.redisUrl`) invalidate cached answers holding incidents.
 */
export function createGateway(config: GatewayConfig, dependencies: GatewayDependencies = {}): Gateway {
  const supergraph = readSupergraph(config.supergraphPath);
  // Before any connection opens: a bad manifest stops the start here (TrustedDocumentsManifestError).
  const trustedDocuments = config.trustedDocuments && readTrustedDocuments({ path: config.trustedDocuments.path, supergraph });
  const subgraphUrls = effectiveSubgraphUrls(supergraph, config.subgraphUrls);
  const principals = new ApiKeyPrincipals({
    partnersUrl: subgraphUrls.partners,
    principalSecret: config.principalSecret,
    ttlMs: config.keyCacheTtlMs,
  });
  const protection = withDefaultProtection(config.protection);
  const costDirectives = readCostDirectives(supergraph);
  const principalDependence = createPrincipalDependence({ supergraph });
  const redis = config.redisUrl ? connectGatewayRedis(config.redisUrl) : undefined;
  const observability = createGatewayObservability({ ...config, subgraphUrls, redis, dependencies });
  // Redis failures and unlabelled answers are reported on the gateway's own log lines.
  const failureLog = logToLogger(observability.logger);
  const rateLimit = useRateLimit({
    store: createRateLimitStore({ redis, prefix: config.rateLimitKeyPrefix, log: failureLog }),
    limits: withDefaultRateLimits(config.rateLimits),
    trustProxy: config.trustProxy,
    identify: (request) => identifyRequest(request, principals),
    needsKeyLookup: (request) => needsKeyLookup(request, principals),
    log: failureLog,
  });
  const responseCache = createResponseCache({
    settings: config.responseCache,
    supergraph,
    redis,
    identify: (request) => identifyRequest(request, principals),
    metrics: observability.metrics,
    onHit: observability.recordCacheHit,
    log: failureLog,
  });
  const subscriptionLimit = useSubscriptionLimit({ maxPerPrincipal: withDefaultSubscriptionLimits(config.subscriptionLimits), trustProxy: config.trustProxy });
  const sharedSubscriptions = config.shareSubscriptions === false ? undefined : useSharedSubscriptions();
  // Unshared, each open subscription holds its own upstream one.
  const upstreamSubscriptions = () => sharedSubscriptions?.upstreamSubscriptions() ?? subscriptionLimit.openSubscriptions();
  observability.metrics.watchSubscriptions({ open: () => subscriptionLimit.openSubscriptions(), upstream: upstreamSubscriptions });
  const ownedEvents = dependencies.events ? undefined : config.redisUrl ? openEventBus({ redisUrl: config.redisUrl }) : undefined;
  const events = dependencies.events ?? ownedEvents;
  const stopInvalidating = events ? invalidateOnIncidentEvents({ events, responseCache }) : () => {};
  const persistedDocuments = createPersistedDocumentsPlugin({
    trustedDocuments,
    mode: config.trustedDocuments?.mode,
    apq: config.apq,
    apqKeyPrefix: config.apqKeyPrefix,
    redis,
    principals,
    log: failureLog,
  });
  const runtime = createGatewayRuntime({
    supergraph,
    // Hive Router's query planner (Rust, a native addon) and its executor, in place of the JavaScript planner.
    unifiedGraphHandler,
    transportEntries: subgraphTransportEntries(subgraphUrls),
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    landingPage: false,
    graphiql: { title: 'Junction' },
    renderGraphiQL: createOfflineGraphiQL(),
    logging: observability.logging,
    requestId: false,
    cors: corsForOrigins(protection.corsOrigins),
    disableIntrospection: protection.introspection === 'off' ? {} : undefined,
    upstreamTimeout: timeoutExceptSubscriptions(protection.subgraphTimeoutMs),
    upstreamRetry: retryQueriesOnly({ retries: protection.subgraphRetries, delayMs: protection.subgraphRetryDelayMs }),
    subgraphErrors: { errorCode: false, subgraphNameProp: 'subgraph' },
    plugins: () => [
      useRequestBodyLimit({ maxBytes: protection.maxBodyBytes }),
      useCsrfPrevention(),
      // Before the response cache: a cached answer must not skip trusted documents, and a hash must become its query.
      persistedDocuments,
      useQueryLimits(protection),
      useApiKeyAuth({ principals }),
      rateLimit,
      // Before the cap: the cap (and metrics after it) wrap each subscriber's stream out of the shared one.
      ...(sharedSubscriptions ? [sharedSubscriptions] : []),
      subscriptionLimit,
      useSignedPrincipal({ secret: config.principalSecret, dependence: principalDependence }),
      useSharedSubgraphFetches({ dependence: principalDependence }),
      ...(protection.introspection === 'operators' ? [useOperatorIntrospection()] : []),
      useCostBudget({ directives: costDirectives, budgets: protection.costBudgets }),
      ...responseCache.plugins,
      useSubgraphErrors(),
      ...observability.plugins,
    ],
  });
  releaseRuntimeSignalHandlers();
  const http = createServer(runtime);
  http.keepAliveTimeout = 65_000;
  const graphqlWs = serveGraphQLWs({ http, runtime, principals, keyLookups: rateLimit, logger: observability.logger, maxMessageBytes: protection.maxBodyBytes });
  observability.webSocketServers.add(graphqlWs.webSocketServer);
  return {
    runtime,
    http,
    principals,
    metrics: observability.metrics,
    responseCache,
    subscriptionLimit,
    sharedSubscriptions: { upstreamSubscriptions },
    webSocketServers: observability.webSocketServers,
    listen(port, host = 'localhost') {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const { port: bound } = http.address() as AddressInfo;
          resolve(`http://${host}:${bound}/graphql`);
        });
      });
    },
    async close() {
      stopInvalidating();
      await observability.drain(http);
      await graphqlWs.close();
      await runtime[Symbol.asyncDispose]();
      if (ownedEvents) await ownedEvents.close();
      if (redis) await closeRedisConnection(redis);
    },
  };
}

/** Reads the supergraph SDL, failing at start-up with a sentence that says what to fix. */
function readSupergraph(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the supergraph at ${file}; set GATEWAY_SUPERGRAPH_PATH to a composed supergraph file.`, { cause });
  }
}
