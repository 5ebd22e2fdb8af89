import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { REQUEST_ID_HEADER, requestIdFor } from '@junction/observability';
import type { RequestFacts } from '../observability/request-facts';

/** Options of {@link useRequestId}. */
export interface UseRequestIdOptions {
  /** Where the request's id is kept for the other observability plugins. */
  facts: RequestFacts;
}

/**
 * Gives every request an id: the caller's `x-request-id` when it is at most 128 safe characters, otherwise a new
 * UUID. The id is on every log line of the request (the runtime's logger becomes a child with `requestId`), is sent
 * to every subgraph fetch, and comes back in the answer's `x-request-id`. Replaces the runtime's own request id
 * plugin (`requestId: false`), which takes any incoming value as it is.
 */
export function useRequestId({ facts }: UseRequestIdOptions): GatewayPlugin {
  return {
    onRequest({ request, serverContext }) {
      const { requestId } = facts.begin(request, requestIdFor(request.headers.get(REQUEST_ID_HEADER)));
      const context = serverContext as { log?: { child(attributes: object): unknown } };
      if (context.log) context.log = context.log.child({ requestId }) as typeof context.log;
    },
    onFetch({ context, options, setOptions }) {
      const fact = facts.of((context as { request?: Request }).request);
      if (!fact) return;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set(REQUEST_ID_HEADER, fact.requestId);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
    onResponse({ request, response }) {
      const fact = facts.of(request);
      if (fact) response.headers.set(REQUEST_ID_HEADER, fact.requestId);
    },
  };
}
