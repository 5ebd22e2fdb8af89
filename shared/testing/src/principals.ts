import { DEFAULT_SCOPES, PUBLIC_PRINCIPAL, signPrincipal, type Principal } from '@junction/federation';

/** The principal secret the tests' gateway and subgraphs share. */
export const TEST_PRINCIPAL_SECRET = 'junction-tests-principal-secret-0123456789';

/**
 * Headers that make a direct subgraph request come from `principal`, signed as the gateway would sign them.
 * @default principal: the public (anonymous callers reach subgraphs signed as the public)
 */
export function principalHeaders(principal: Principal = PUBLIC_PRINCIPAL): Record<string, string> {
  return signPrincipal(principal, { secret: TEST_PRINCIPAL_SECRET });
}

/** An operator with every scope an operator key gets by default. */
export const OPERATOR: Principal = { role: 'OPERATOR', scopes: DEFAULT_SCOPES.OPERATOR };

/** An admin with every scope. */
export const ADMIN: Principal = { role: 'ADMIN', scopes: DEFAULT_SCOPES.ADMIN };

/** A partner's principal with the scopes a partner key gets by default. */
export function partnerPrincipal(partnerId: string): Principal {
  return { role: 'PARTNER', partnerId, scopes: DEFAULT_SCOPES.PARTNER };
}
