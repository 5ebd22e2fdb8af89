import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PUBLIC_PRINCIPAL, signPrincipal } from '@junction/federation';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useSignedPrincipal}. */
export interface UseSignedPrincipalOptions {
  /** The secret shared with the subgraphs. */
  secret: string;
}

/**
 * Signs the caller's principal (set by {@link useApiKeyAuth}; the public without a key) into every subgraph
 * request, an HMAC over principal and time, so subgraphs can refuse requests that did not come through the
 * gateway and check authorization again themselves.
 */
export function useSignedPrincipal({ secret }: UseSignedPrincipalOptions): GatewayPlugin<PrincipalContext> {
  return {
    onFetch({ context, options, setOptions }) {
      const principal = (context as PrincipalContext | undefined)?.principal ?? PUBLIC_PRINCIPAL;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signPrincipal(principal, { secret }))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
