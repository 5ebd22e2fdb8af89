import { isAsyncIterable } from '@graphql-tools/utils';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import type { GatewayMetrics } from '../observability/gateway-metrics';
import { callerView } from '../response-cache/caller-view';
import { responseCacheKey } from '../response-cache/response-cache-key';
import type { ResponseCachePolicy } from '../response-cache/response-cache-policy';
import type { ResponseCacheStore } from '../response-cache/response-cache-store';
import type { PrincipalContext } from './use-api-key-auth';

/** The header that says whether the cache answered: `HIT` (it did) or `MISS` (the query ran), on queries only. */
export const RESPONSE_CACHE_HEADER = 'x-junction-cache';

/** Options of {@link useResponseCache}. */
export interface UseResponseCacheOptions {
  /** Where answers are kept (memory, or Redis shared by the replicas). */
  store: ResponseCacheStore;
  /** What answers depend on, how long they are kept, what mutations invalidate. */
  policy: ResponseCachePolicy;
  /** Who a request presents itself as (its key's principal, the public without a key, null for a key that does not work). */
  identify: (request: Request) => Promise<Principal | null>;
  /** Counts hits and misses (`junction_response_cache_hits_total`, `…_misses_total`). @default undefined (not counted) */
  metrics?: Pick<GatewayMetrics, 'responseCacheHits' | 'responseCacheMisses'>;
  /** Mixed into every key: the supergraph's hash, so answers shaped by another schema are never served. @default '' */
  salt?: string;
  /** Told of every answer served from the cache, which skips parsing and execution (for the request's log line). @default nothing */
  onHit?: (request: Request, hit: { principal: Principal; operationName?: string }) => void;
  /** Told of the schema the runtime serves, whenever it changes. @default nothing */
  onSchema?: (schema: GraphQLSchema) => void;
}

/** What the cache knows about one request. */
interface RequestState {
  /** The answer's key. */
  key: string;
  /** The caller's view the key was made for. */
  view: string;
  /** The store's clock at the lookup; undefined when the store could not say (the answer is then not kept). */
  clock?: number;
  /** Whether the cache answered. */
  outcome?: 'HIT' | 'MISS';
  /** The shortest `max-age` a subgraph sent for this answer, in milliseconds. */
  maxAgeMs?: number;
}

/**
 * The response cache. Before a request is parsed, its answer is looked up by the caller's view (role, partner,
 * scopes: see `callerView`), the document, the operation name and the variables; a current one is served at once,
 * with no parsing, validation, planning or subgraph request. Otherwise the query runs, and its answer is kept when it
 * has no error, selects nothing never cached (API keys, introspection) and the caller is still who the lookup was
 * for; for the shortest TTL of what it selects, or the shortest `Cache-Control: max-age` a subgraph sent. Every
 * mutation that runs invalidates, after it ran and before its answer leaves, the types it changes (see
 * `ResponseCachePolicy`). Answers to queries carry `x-junction-cache: HIT` or `MISS`.
 *
 * A request whose key does not work is never answered from the cache (it goes on to be refused); rate limits still
 * count every hit (the limiter charges requests answered before their context was built).
 */
export function useResponseCache({ store, policy, identify, metrics, salt = '', onHit, onSchema }: UseResponseCacheOptions): GatewayPlugin<PrincipalContext> {
  const states = new WeakMap<Request, RequestState>();
  const stateOf = (context: unknown) => {
    const request = (context as { request?: Request } | undefined)?.request;
    return request ? states.get(request) : undefined;
  };
  return {
    onSchemaChange({ schema }) {
      onSchema?.(schema);
    },
    async onParams({ params, request, setResult }) {
      const document = documentOf(params);
      if (document === undefined) return;
      const principal = await identify(request);
      if (!principal) return;
      const view = callerView(principal);
      const key = responseCacheKey({ view, document, operationName: params.operationName, variables: params.variables, salt });
      const { result, clock } = await store.lookup(key);
      const state: RequestState = { key, view, clock };
      states.set(request, state);
      if (!result) return;
      state.outcome = 'HIT';
      metrics?.responseCacheHits.inc({ operation_type: 'query' });
      onHit?.(request, { principal, operationName: params.operationName ?? operationNameOf(params.query) });
      setResult({ ...result });
    },
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === 'mutation') {
        return {
          async onExecuteDone() {
            await store.invalidate(policy.invalidatedBy(args.schema, args.document, args.operationName));
          },
        };
      }
      const context = args.contextValue as PrincipalContext;
      const state = stateOf(context);
      if (operation !== 'query' || !state || state.outcome) return;
      state.outcome = 'MISS';
      metrics?.responseCacheMisses.inc({ operation_type: 'query' });
      if (callerView(context.principal ?? PUBLIC_PRINCIPAL) !== state.view) return;
      const plan = policy.planQuery(args.schema, args.document, args.operationName);
      const clock = state.clock;
      if (plan.uncacheable || clock === undefined || plan.ttlMs <= 0) return;
      return {
        async onExecuteDone({ result }) {
          if (isAsyncIterable(result) || result.errors?.length || !result.data) return;
          const ttlMs = Math.min(plan.ttlMs, state.maxAgeMs ?? Number.POSITIVE_INFINITY);
          if (ttlMs <= 0) return;
          await store.store(state.key, { result: { data: result.data }, clock, dependsOn: plan.dependsOn }, ttlMs);
        },
      };
    },
    onFetch({ context }) {
      const state = stateOf(context);
      if (!state) return;
      return ({ response }) => {
        const maxAgeMs = maxAgeOf(response.headers.get('cache-control'));
        if (maxAgeMs !== undefined) state.maxAgeMs = Math.min(state.maxAgeMs ?? maxAgeMs, maxAgeMs);
      };
    },
    onResponse({ request, response }) {
      const outcome = states.get(request)?.outcome;
      if (!outcome) return;
      try {
        response.headers.set(RESPONSE_CACHE_HEADER, outcome);
      } catch {
        // Immutable headers (a response from fetch): the answer goes out without the header.
      }
    },
  };
}

/**
 * What identifies the document of a request: its text. Persisted documents run first and turn an APQ hash or a
 * document id into the text, so nothing else reaches here.
 */
function documentOf(params: { query?: string }): string | undefined {
  return typeof params.query === 'string' && params.query !== '' ? `q:${params.query}` : undefined;
}

/** The name of a document's first operation, read without parsing it (for the log line of a hit). */
function operationNameOf(query: string | undefined): string | undefined {
  return query ? /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] : undefined;
}

/** The `max-age` (or `s-maxage`, the shorter) of a `Cache-Control` header, in milliseconds. */
function maxAgeOf(header: string | null): number | undefined {
  if (!header) return undefined;
  let seconds: number | undefined;
  for (const match of header.matchAll(/(?:^|,)\s*(?:max-age|s-maxage)\s*=\s*"?(\d+)"?/gi)) seconds = Math.min(seconds ?? Number(match[1]), Number(match[1]));
  return seconds === undefined ? undefined : seconds * 1000;
}
