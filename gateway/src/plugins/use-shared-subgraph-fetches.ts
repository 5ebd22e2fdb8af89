import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PUBLIC_PRINCIPAL } from '@junction/federation/identity';
import type { PrincipalDependence } from '../identity/principal-dependence';
import { callerView } from '../response-cache/caller-view';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useSharedSubgraphFetches}. */
export interface UseSharedSubgraphFetchesOptions {
  /** Tells who each fetch's answer depends on; only queries are shared. */
  dependence: PrincipalDependence;
}

/** A subgraph answer read once, to be handed to every fetch that waited for it. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * Makes identical concurrent subgraph queries share one upstream request: same URL, method and body (query and
 * variables), while the first is in flight, between callers who get the same answer: everyone for a query whose
 * answer cannot depend on the caller (signed as the public by {@link useSignedPrincipal}); callers with the same
 * view (role, partner, scopes: `callerView`, as the response cache shares) for one that does. Each waiter gets its
 * own copy of the answer. Mutations, subscriptions and documents not understood are never shared.
 *
 * It replaces the runtime's in-flight de-duplication, which must stay off (`deduplicateInflightRequests: false`, see
 * `subgraphTransportEntries`): that one keys on URL and body only, before the principal is signed in, so it merged
 * fetches of different callers and gave all of them the first caller's answer.
 *
 * A shared fetch is the first caller's request: the subgraph sees that request's `x-request-id`, `traceparent`, key
 * id and abort signal; the others' ids and spans still cover their own waits at the gateway.
 */
export function useSharedSubgraphFetches({ dependence }: UseSharedSubgraphFetchesOptions): GatewayPlugin<PrincipalContext> {
  const inFlight = new Map<string, Promise<SharedAnswer>>();
  return {
    onFetch({ context, executionRequest, fetchFn, setFetchFn }) {
      if (!executionRequest) return;
      const audience = dependence.audienceOf(executionRequest.document);
      if (audience === 'caller') return;
      const view = audience === 'public' ? 'PUBLIC' : callerView((context as PrincipalContext | undefined)?.principal ?? PUBLIC_PRINCIPAL);
      setFetchFn((url, init, fetchContext, info) => {
        const method = init?.method ?? 'GET';
        const body = init?.body;
        if (method !== 'GET' && typeof body !== 'string') return fetchFn(url, init, fetchContext, info);
        const key = `${view}\n${method} ${url}\n${body ?? ''}`;
        let answer = inFlight.get(key);
        if (!answer) {
          answer = Promise.resolve(fetchFn(url, init, fetchContext, info)).then(readAnswer);
          inFlight.set(key, answer);
          const forget = () => inFlight.delete(key);
          answer.then(forget, forget);
        }
        return answer.then(({ status, statusText, headers, body: bytes }) => new Response(NULL_BODY_STATUSES.has(status) ? null : bytes, { status, statusText, headers }));
      });
    },
  };
}

/** Statuses whose response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Headers that describe the bytes on the wire, no longer true of the decoded body handed on. */
const WIRE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

async function readAnswer(response: Response): Promise<SharedAnswer> {
  const headers = [...response.headers].filter(([name]) => !WIRE_HEADERS.has(name));
  return { status: response.status, statusText: response.statusText, headers, body: await response.arrayBuffer() };
}
