import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PUBLIC_PRINCIPAL, signPrincipal } from '@junction/federation';

/** Options of {@link useSignedPrincipal}. */
export interface UseSignedPrincipalOptions {
  /** The secret shared with the subgraphs. */
  secret: string;
}

/**
 * Signs the caller's principal into every subgraph request (HMAC over principal and time), so subgraphs can
 * refuse requests that did not come through the gateway. Every caller is the public until API keys exist.
 */
export function useSignedPrincipal({ secret }: UseSignedPrincipalOptions): GatewayPlugin {
  return {
    onFetch({ options, setOptions }) {
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signPrincipal(PUBLIC_PRINCIPAL, { secret }))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
