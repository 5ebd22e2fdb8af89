import type { FieldError } from '@junction/errors';
import { KEY_SCOPES, RESOLVE_KEYS_SCOPE } from '@junction/federation';

/** The longest key name. */
export const MAX_API_KEY_NAME_LENGTH = 80;

/** The roles a key can have (the public needs none). */
const KEY_ROLES = ['PARTNER', 'OPERATOR', 'ADMIN'];

/** Scopes that act on the whole ecosystem, and so are never given to a PARTNER key. */
const OPERATOR_ONLY_SCOPES = ['catalogue:write', 'keys:manage'];

/** A key to create, as the API or the create-key command describes it. */
export interface NewApiKey {
  /** Who holds the key or what uses it. */
  name: string;
  /** PARTNER, OPERATOR or ADMIN. */
  role: string;
  /** The partner of a PARTNER key; absent for OPERATOR and ADMIN keys. @default undefined */
  partnerId?: string | null;
  /** The key's scopes. @default the role's `DEFAULT_SCOPES` */
  scopes?: readonly string[] | null;
  /** When the key stops working. @default undefined (never) */
  expiresAt?: Date | null;
}

/**
 * Everything wrong with a new key that can be told without the database, one field error each, fields named as
 * in `CreateApiKeyInput` (`input.name` …). Whether the partner exists and is active is checked by the repository.
 */
export function apiKeyProblems({ name, role, partnerId, scopes, expiresAt }: NewApiKey, now: Date): FieldError[] {
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
    }
  }
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    problems.push({ field: 'input.expiresAt', message: 'must be a date and time, e.g. 2027-01-01T00:00:00Z' });
  } else if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    problems.push({ field: 'input.expiresAt', message: `must be in the future; ${expiresAt.toISOString()} has passed` });
  }
  return problems;
}
