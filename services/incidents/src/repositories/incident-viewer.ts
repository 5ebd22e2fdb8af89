import { isUuid } from '@junction/db';
import { hasRole, type Principal } from '@junction/federation';

/**
 * Whether `principal` sees everything this service holds: every incident and event (INTERNAL ones included) and
 * every partner's webhook endpoints. Operators and admins do.
 */
export function seesEverything(principal: Principal): boolean {
  return hasRole(principal, 'OPERATOR');
}

/**
 * The partner a partner key acts for, as the incidents and endpoints it may see are scoped by; null for every
 * other principal, and for a partner key without a well-formed partner id (it sees no partner's data).
 */
export function viewerPartnerId(principal: Principal): string | null {
  return principal.role === 'PARTNER' && principal.partnerId && isUuid(principal.partnerId) ? principal.partnerId : null;
}
