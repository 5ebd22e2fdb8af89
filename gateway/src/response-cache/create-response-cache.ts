import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Principal } from '@junction/federation/identity';
import type { GraphQLSchema } from 'graphql';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { GatewayMetrics } from '../observability/gateway-metrics';
import { useResponseCache } from '../plugins/use-response-cache';
import { createMemoryResponseCacheStore } from './memory-response-cache-store';
import { readEntityTypes } from './read-entity-types';
import { createRedisResponseCacheStore, type ResponseCacheLogEntry } from './redis-response-cache-store';
import { ResponseCachePolicy } from './response-cache-policy';
import { withDefaultTtls, type ResponseCacheSettings } from './response-cache-settings';
import type { ResponseCacheStore } from './response-cache-store';

/** Parameters of {@link createResponseCache}. */
export interface CreateResponseCacheParameters {
  /** The configuration. @default on, default TTLs */
  settings?: ResponseCacheSettings;
  /** The supergraph SDL: its entity types, and its hash in every key. */
  supergraph: string;
  /** The gateway's Redis; without it answers are kept in this process's memory. @default undefined */
  redis?: Redis;
  /** Who a request presents itself as (see `identifyRequest`). */
  identify: (request: Request) => Promise<Principal | null>;
  /** The gateway's metrics, to count hits and misses. @default undefined */
  metrics?: GatewayMetrics;
  /** Told of every answer served from the cache (for the request's log line). @default nothing */
  onHit?: (request: Request, hit: { principal: Principal; operationName?: string }) => void;
  /** Where a failing Redis is reported. @default a JSON line on stderr */
  log?: (entry: ResponseCacheLogEntry) => void;
}

/** The gateway's response cache (see `useResponseCache`). */
export interface ResponseCache {
  /** Whether answers are cached at all (`GATEWAY_RESPONSE_CACHE`). */
  readonly enabled: boolean;
  /** Where answers are kept: `memory` or `redis` (shared by the replicas); undefined when off. */
  readonly kind: ResponseCacheStore['kind'] | undefined;
  /** The runtime plugins; none when off. */
  readonly plugins: GatewayPlugin[];
  /**
   * Makes every cached answer that depends on one of `types` stale, on every replica sharing the Redis (with the
   * value types under them, as a mutation returning them would: `['Incident']` covers incident updates and
   * acknowledgements too). For changes that do not come through a mutation of this gateway, e.g. incident events
   * from the alert rules: `gateway.responseCache.invalidate(['Incident'])`. Resolves once the invalidation is
   * recorded; never throws. A no-op when the cache is off.
   */
  invalidate(types: Iterable<string>): Promise<void>;
}

/** Builds the response cache from its settings: in Redis when the gateway has one, in memory otherwise. */
export function createResponseCache({ settings = {}, supergraph, redis, identify, metrics, onHit, log }: CreateResponseCacheParameters): ResponseCache {
  if (settings.enabled === false) return { enabled: false, kind: undefined, plugins: [], invalidate: async () => {} };
  const store = redis
    ? createRedisResponseCacheStore({ redis, prefix: settings.keyPrefix, log })
    : createMemoryResponseCacheStore({ maxBytes: settings.maxMemoryBytes });
  const policy = new ResponseCachePolicy({ entityTypes: readEntityTypes(supergraph), ttls: withDefaultTtls(settings.ttls) });
  let schema: GraphQLSchema | undefined;
  const plugin = useResponseCache({
    store,
    policy,
    identify,
    metrics,
    onHit,
    salt: createHash('sha256').update(supergraph).digest('base64url').slice(0, 16),
    onSchema: (served) => (schema = served),
  });
  return {
    enabled: true,
    kind: store.kind,
    plugins: [plugin as GatewayPlugin],
    invalidate: (types) => store.invalidate(schema ? policy.invalidationClosure(schema, types) : [...types]),
  };
}
