import { signPrincipal, type Principal } from '@junction/federation';

/** The principal secret the tests' gateway and subgraphs share. */
export const TEST_PRINCIPAL_SECRET = 'junction-tests-principal-secret-0123456789';

/** Headers that make a direct subgraph request come from `principal`, signed as the gateway would sign them. */
export function principalHeaders(principal: Principal): Record<string, string> {
  return signPrincipal(principal, { secret: TEST_PRINCIPAL_SECRET });
}

/** An operator. */
export const OPERATOR: Principal = { role: 'OPERATOR' };
