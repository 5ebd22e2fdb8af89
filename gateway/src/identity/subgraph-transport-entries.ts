import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

/** The runtime's `transportEntries` setting. */
export type TransportEntriesSetting = NonNullable<GatewayConfigBase<Record<string, any>>['transportEntries']>;

/**
 * The runtime's transport entries: each subgraph at its configured URL (the supergraph's URL for the others), and
 * for every subgraph (`*`) the runtime's in-flight de-duplication off. That one keys identical subgraph requests on
 * URL and body, before `onFetch` signs the caller's principal in, so concurrent callers asking the same thing would
 * share the first caller's signed request and its answer, another partner's private incidents included.
 * `useSharedSubgraphFetches` shares only the fetches that cannot depend on the caller instead.
 */
export function subgraphTransportEntries(subgraphUrls: Record<string, string>): TransportEntriesSetting {
  return {
    '*': { options: { deduplicateInflightRequests: false } },
    ...Object.fromEntries(Object.entries(subgraphUrls).map(([subgraph, location]) => [subgraph, { location }])),
  };
}
