import { BaseError, ErrorCode } from '@junction/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ROLES, type Principal, type Role } from './principal';

/** The header carrying the caller's principal from the gateway to a subgraph. */
export const PRINCIPAL_HEADER = 'x-junction-principal';

/** The header carrying the HMAC-SHA256 signature of {@link PRINCIPAL_HEADER}. */
export const SIGNATURE_HEADER = 'x-junction-signature';

/** Parameters of {@link signPrincipal}. */
export interface SignPrincipalParameters {
  /** The shared secret between gateway and subgraphs. */
  secret: string;
  /** The signing time, in ms since the epoch. @default Date.now() */
  now?: number;
}

/**
 * The two headers that carry `principal` to a subgraph: the principal and its issue time as base64url JSON, and
 * an HMAC-SHA256 over that value.
 */
export function signPrincipal(principal: Principal, { secret, now = Date.now() }: SignPrincipalParameters): Record<string, string> {
  const value = Buffer.from(JSON.stringify({ ...principal, iat: now })).toString('base64url');
  return { [PRINCIPAL_HEADER]: value, [SIGNATURE_HEADER]: hmac(secret, value) };
}

/** Parameters of {@link verifyPrincipal}. */
export interface VerifyPrincipalParameters {
  /** The shared secret. */
  secret: string;
  /** How old a signature may be. @default 60000 */
  maxAgeMs?: number;
  /** The current time. @default Date.now() */
  now?: number;
}

/**
 * The principal of a subgraph request, which the gateway signs (anonymous callers as the public). Headers that are
 * missing, malformed, wrongly signed or older than `maxAgeMs` are refused with `UNAUTHENTICATED`.
 */
export function verifyPrincipal(headers: IncomingHttpHeaders, { secret, maxAgeMs = 60_000, now = Date.now() }: VerifyPrincipalParameters): Principal {
  const value = headers[PRINCIPAL_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof value !== 'string' || typeof signature !== 'string') {
    throw unauthenticated('the signed principal headers are missing; call this subgraph through the gateway');
  }
  const expected = Buffer.from(hmac(secret, value));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw unauthenticated('the principal signature does not verify');
  let claims: { role?: unknown; partnerId?: unknown; scopes?: unknown; keyId?: unknown; iat?: unknown };
  try {
    claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    throw unauthenticated('the principal header is not valid');
  }
  if (typeof claims.iat !== 'number' || Math.abs(now - claims.iat) > maxAgeMs) throw unauthenticated('the principal signature has expired');
  if (typeof claims.role !== 'string' || !ROLES.includes(claims.role as Role)) throw unauthenticated('the principal has no valid role');
  const principal: Principal = { role: claims.role as Role };
  if (typeof claims.partnerId === 'string') principal.partnerId = claims.partnerId;
  if (Array.isArray(claims.scopes)) principal.scopes = claims.scopes.filter((scope): scope is string => typeof scope === 'string');
  if (typeof claims.keyId === 'string') principal.keyId = claims.keyId;
  return principal;
}

function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

function unauthenticated(reason: string): BaseError {
  return new BaseError(`This request is not authenticated: ${reason}.`, { code: ErrorCode.UNAUTHENTICATED });
}
