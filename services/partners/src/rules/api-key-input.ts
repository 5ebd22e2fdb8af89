import type { FieldError } from '@junction/errors';
import { DEFAULT_SCOPES, KEY_SCOPES, RESOLVE_KEYS_SCOPE, type KeyScope } from '@junction/federation';
import { ApiKeyRole } from '../types/enums';

/** The longest key name. */
export const MAX_API_KEY_NAME_LENGTH = 80;

/** The roles a key can have (the public needs none). */
const KEY_ROLES: readonly string[] = Object.values(ApiKeyRole);

/** Scopes that act on the whole ecosystem, and so are never given to a PARTNER key: those it lacks by default. */
const OPERATOR_ONLY_SCOPES: readonly string[] = KEY_SCOPES.filter((scope) => !DEFAULT_SCOPES.PARTNER.includes(scope));

/** A key to create, as the API or the create-key command describes it. */
export interface NewApiKey {
  /** Who holds the key or what uses it. */
  name: string;
  /** PARTNER, OPERATOR or ADMIN. */
  role: string;
  /** The partner of a PARTNER key; absent for OPERATOR and ADMIN keys. @default undefined */
  partnerId?: string | null;
  /** The key's scopes. @default the role's `DEFAULT_SCOPES`, narrowed to the creating key's scopes (see {@link apiKeyScopes}) */
  scopes?: readonly string[] | null;
  /** When the key stops working. @default undefined (never) */
  expiresAt?: Date | null;
}

/**
 * Everything wrong with a new key that can be told without the database, one field error each, fields named as
 * in `CreateApiKeyInput` (`input.name` …). Whether the partner exists and is active is checked by the repository.
 * `grantableScopes` are the scopes the creator may give (a key creating a key gives only scopes it holds itself);
 * `undefined` lets it give any, as the create-key command and service identities may.
 */
export function apiKeyProblems(
  { name, role, partnerId, scopes, expiresAt }: NewApiKey,
  now: Date,
  grantableScopes?: readonly string[],
): FieldError[] {
  const problems: FieldError[] = [];
  if (name.length < 1 || name.length > MAX_API_KEY_NAME_LENGTH) {
    problems.push({ field: 'input.name', message: `must be 1 to ${MAX_API_KEY_NAME_LENGTH} characters` });
  } else if (name.trim() === '') {
    problems.push({ field: 'input.name', message: 'must not be blank; name the key after who holds it or what uses it, e.g. "on-call laptop"' });
  }
  if (!KEY_ROLES.includes(role)) {
    problems.push({ field: 'input.role', message: `"${role}" is not a key role; use PARTNER, OPERATOR or ADMIN` });
  } else if (role === 'PARTNER' && !partnerId) {
    problems.push({ field: 'input.partnerId', message: 'is required for a PARTNER key: the partner the key acts for' });
  } else if (role !== 'PARTNER' && partnerId) {
    problems.push({
      field: 'input.partnerId',
      message: `must be omitted for an ${role} key: operator and admin keys belong to the ecosystem team, not to a partner`,
    });
  }
  for (const scope of new Set(scopes ?? [])) {
    if (scope === RESOLVE_KEYS_SCOPE) {
      problems.push({ field: 'input.scopes', message: `"${scope}" belongs to the gateway's own identity and cannot be given to a key` });
    } else if (!(KEY_SCOPES as readonly string[]).includes(scope)) {
      problems.push({ field: 'input.scopes', message: `"${scope}" is not a scope; use ${KEY_SCOPES.join(', ')}` });
    } else if (role === 'PARTNER' && OPERATOR_ONLY_SCOPES.includes(scope)) {
      problems.push({ field: 'input.scopes', message: `"${scope}" cannot be given to a PARTNER key; it is for operator and admin keys` });
    } else if (grantableScopes && !grantableScopes.includes(scope)) {
      problems.push({ field: 'input.scopes', message: `"${scope}" is not among your key's scopes, and a key can only give scopes it holds` });
    }
  }
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    problems.push({ field: 'input.expiresAt', message: 'must be a date and time, e.g. 2027-01-01T00:00:00Z' });
  } else if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    problems.push({ field: 'input.expiresAt', message: `must be in the future; ${expiresAt.toISOString()} has passed` });
  }
  return problems;
}

/**
 * The scopes a new key gets, in {@link KEY_SCOPES} order without repeats: those asked for, or when none were asked
 * for the role's `DEFAULT_SCOPES` narrowed to `grantableScopes` (so a key creating a key without a list passes on
 * only what it holds itself). Call it on a key {@link apiKeyProblems} found nothing wrong with.
 * @param grantableScopes the scopes the creator may give. @default undefined (any)
 */
export function apiKeyScopes({ role, scopes }: Pick<NewApiKey, 'role' | 'scopes'>, grantableScopes?: readonly string[]): KeyScope[] {
  if (scopes) return KEY_SCOPES.filter((scope) => scopes.includes(scope));
  const defaults: readonly string[] = DEFAULT_SCOPES[role as ApiKeyRole];
  return KEY_SCOPES.filter((scope) => defaults.includes(scope) && (grantableScopes?.includes(scope) ?? true));
}
