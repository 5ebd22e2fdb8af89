import { BaseError, ErrorCode } from '@junction/errors';

/** What a caller may do, from least to most. */
export type Role = 'PUBLIC' | 'PARTNER' | 'OPERATOR' | 'ADMIN';

/** Every role, least to most. */
export const ROLES: readonly Role[] = ['PUBLIC', 'PARTNER', 'OPERATOR', 'ADMIN'];

const RANK: Record<Role, number> = { PUBLIC: 0, PARTNER: 1, OPERATOR: 2, ADMIN: 3 };

/**
 * The scopes an API key can carry. A key's role says who it is; its scopes narrow what it may do.
 * - `metrics:read`: chain and bridge health history (metric series), for notebooks and dashboards.
 * - `incidents:write`: open, update and resolve incidents; acknowledge them.
 * - `catalogue:write`: create, update and archive partners, chains, bridges, routes and probes.
 * - `keys:manage`: create and revoke API keys.
 */
export const KEY_SCOPES = ['metrics:read', 'incidents:write', 'catalogue:write', 'keys:manage'] as const;

/** One of {@link KEY_SCOPES}. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * The scope only the gateway's own service identity holds: it may resolve API keys to principals. No key can be
 * given it.
 */
export const RESOLVE_KEYS_SCOPE = 'keys:resolve';

/** The scopes a key gets when it is created without a list: what the role can use. */
export const DEFAULT_SCOPES: Record<Exclude<Role, 'PUBLIC'>, readonly KeyScope[]> = {
  PARTNER: ['metrics:read', 'incidents:write'],
  OPERATOR: ['metrics:read', 'incidents:write', 'catalogue:write', 'keys:manage'],
  ADMIN: ['metrics:read', 'incidents:write', 'catalogue:write', 'keys:manage'],
};

/** Who is calling. Subgraphs get it from the gateway in a signed header. */
export interface Principal {
  /** The caller's role. */
  role: Role;
  /** The partner a PARTNER principal acts for (operator and admin keys may belong to none). */
  partnerId?: string;
  /** What the caller may do beyond reading public data; see {@link KEY_SCOPES}. */
  scopes?: readonly string[];
  /** The id of the API key the caller presented; absent for anonymous callers and service identities. */
  keyId?: string;
}

/** The anonymous caller. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: 'PUBLIC' });

/** True when the principal has at least `role`. */
export function hasRole(principal: Principal, role: Role): boolean {
  return RANK[principal.role] >= RANK[role];
}

/** Throws `FORBIDDEN` unless the principal has at least `role`. */
export function requireRole(principal: Principal, role: Role, what: string): void {
  if (hasRole(principal, role)) return;
  throw new BaseError(`Only ${role.toLowerCase()}s may ${what}; use a key with that role.`, {
    code: ErrorCode.FORBIDDEN,
    details: { role: principal.role, required: role },
  });
}

/** Throws `FORBIDDEN` unless the principal holds `scope`. */
export function requireScope(principal: Principal, scope: string, what: string): void {
  if (principal.scopes?.includes(scope)) return;
  throw new BaseError(`Your key lacks the scope ${scope}, which is needed to ${what}; ask an operator for a key with it.`, {
    code: ErrorCode.FORBIDDEN,
    details: { required: scope },
  });
}

/**
 * True when the principal may see a partner's private data (contacts, agreements, keys, webhooks): operators
 * and admins see every partner's, a partner sees its own.
 */
export function canSeePartnerPrivate(principal: Principal, partnerId: string): boolean {
  return RANK[principal.role] >= RANK.OPERATOR || (principal.role === 'PARTNER' && principal.partnerId === partnerId);
}

/**
 * Throws `FORBIDDEN` with `refusal` (a sentence saying what to do instead) unless the principal may see, and so
 * manage, the partner's private data ({@link canSeePartnerPrivate}). The principal and partner go to the logs.
 */
export function requirePartnerPrivateAccess(principal: Principal, partnerId: string, refusal: string): void {
  if (canSeePartnerPrivate(principal, partnerId)) return;
  throw new BaseError(refusal, {
    code: ErrorCode.FORBIDDEN,
    details: { role: principal.role, principalPartnerId: principal.partnerId ?? 'none', partnerId },
  });
}
