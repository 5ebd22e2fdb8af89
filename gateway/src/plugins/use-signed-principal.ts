import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PUBLIC_PRINCIPAL, signPrincipal } from '@junction/federation/identity';
import type { PrincipalDependence } from '../identity/principal-dependence';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useSignedPrincipal}. */
export interface UseSignedPrincipalOptions {
  /** The secret shared with the subgraphs. */
  secret: string;
  /**
   * Tells the fetches whose answer cannot depend on the caller (see `createPrincipalDependence`); those are signed
   * as the public, so identical ones are identical requests that {@link useSharedSubgraphFetches} can share.
   * @default none: every fetch is signed as the caller
   */
  dependence?: PrincipalDependence;
}

/**
 * Signs a principal into every subgraph request, an HMAC over principal and time, so subgraphs can refuse requests
 * that did not come through the gateway and check authorization again themselves. The principal is the caller's (set
 * by {@link useApiKeyAuth}; the public without a key), or the public for a query `dependence` finds the same for every
 * caller. Downgrading to the public can only hide data, never leak it (the public sees the least), and it happens only
 * where nothing selected can differ by caller; a fetch the runtime cannot tie to its document keeps the caller's.
 */
export function useSignedPrincipal({ secret, dependence }: UseSignedPrincipalOptions): GatewayPlugin<PrincipalContext> {
  return {
    onFetch({ context, executionRequest, options, setOptions }) {
      const caller = (context as PrincipalContext | undefined)?.principal ?? PUBLIC_PRINCIPAL;
      const principal = dependence && executionRequest && !dependence.dependsOnPrincipal(executionRequest.document) ? PUBLIC_PRINCIPAL : caller;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signPrincipal(principal, { secret }))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
