import { BaseError, ErrorCode } from '@junction/errors';

/** What a caller may do, from least to most. */
export type Role = 'PUBLIC' | 'PARTNER' | 'OPERATOR' | 'ADMIN';

const RANK: Record<Role, number> = { PUBLIC: 0, PARTNER: 1, OPERATOR: 2, ADMIN: 3 };

/** Who is calling. Subgraphs get it from the gateway; until keys exist every caller is the public. */
export interface Principal {
  /** The caller's role. */
  role: Role;
  /** The partner a PARTNER principal acts for. */
  partnerId?: string;
}

/** The anonymous caller. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: 'PUBLIC' });

/** Throws `FORBIDDEN` unless the principal has at least `role`. */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (RANK[principal.role] >= RANK[role]) return;
  throw new BaseError(`Only ${role.toLowerCase()}s may ${what}; use a key with that role.`, {
    code: ErrorCode.FORBIDDEN,
    details: { role: principal.role, required: role },
  });
}

/**
 * True when the principal may see a partner's private data (contacts, agreements, keys, webhooks): operators
 * and admins see every partner's, a partner sees its own.
 */
export function canSeePartnerPrivate(principal: Principal, partnerId: string): boolean {
  return RANK[principal.role] >= RANK.OPERATOR || (principal.role === 'PARTNER' && principal.partnerId === partnerId);
}
