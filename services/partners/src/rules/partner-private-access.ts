import { requirePartnerPrivateAccess, type Principal } from '@junction/federation';

/**
 * Throws `FORBIDDEN` unless the principal may see (and so manage) the partner's private data: contacts,
 * agreements and rollback procedures are visible to operators and to the partner itself only. `what` completes
 * the sentence "Only operators and the partner itself may …".
 */
export function assertPartnerPrivateAccess(principal: Principal, partnerId: string, what: string): void {
  requirePartnerPrivateAccess(principal, partnerId, `Only operators and the partner itself may ${what}; use that partner's key or an operator key.`);
}
