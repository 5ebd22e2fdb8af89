import { ROLES, type Role } from '@junction/federation/identity';
import type { RateLimitPolicy, RateLimits } from './rate-limit-policy';

/** What {@link parseRateLimits} understands, for messages. */
export const RATE_LIMITS_FORMAT = 'ROLE=REQUESTS/WINDOW[:burst=N] separated by commas, e.g. PUBLIC=60/60s,PARTNER=600/1m:burst=100';

/** The result of {@link parseRateLimits}: the limits it read, or the first problem as a sentence naming the bad part. */
export type ParseRateLimitsResult = { ok: true; limits: Partial<RateLimits> } | { ok: false; problem: string };

const ENTRY = /^([A-Za-z]+)=(\d+)\/(\d+)([smh])(?::burst=(\d+))?$/;
const SECONDS = { s: 1, m: 60, h: 3600 } as const;
const MAX = 1_000_000_000;

/**
 * Reads per-role limits written as `ROLE=REQUESTS/WINDOW[:burst=N]`, separated by commas: `PUBLIC=60/60s` is 60
 * requests a minute, `PARTNER=600/1m:burst=100` is 600 a minute in bursts of at most 100. WINDOW is a whole
 * number of seconds (`s`), minutes (`m`) or hours (`h`). Roles not named keep their defaults; role names are
 * case-insensitive.
 */
export function parseRateLimits(text: string): ParseRateLimitsResult {
  const limits: Partial<RateLimits> = {};
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (entry === '') return { ok: false, problem: `it has an empty entry; write ${RATE_LIMITS_FORMAT}` };
    const match = ENTRY.exec(entry);
    if (!match) return { ok: false, problem: `"${entry}" is not ROLE=REQUESTS/WINDOW[:burst=N]; write ${RATE_LIMITS_FORMAT}` };
    const [, name, requestsText, windowText, unit, burstText] = match;
    const role = name.toUpperCase() as Role;
    if (!ROLES.includes(role)) return { ok: false, problem: `"${entry}" names the unknown role ${name}; the roles are ${ROLES.join(', ')}` };
    if (limits[role]) return { ok: false, problem: `${role} is given twice; give each role once` };
    const policy: RateLimitPolicy = { requests: Number(requestsText), windowSeconds: Number(windowText) * SECONDS[unit as keyof typeof SECONDS] };
    if (burstText !== undefined) policy.burst = Number(burstText);
    if (policy.requests < 1 || policy.requests > MAX) return { ok: false, problem: `"${entry}": REQUESTS must be from 1 to ${MAX}` };
    if (policy.windowSeconds < 1 || policy.windowSeconds > 86_400) return { ok: false, problem: `"${entry}": WINDOW must be from 1s to 24h` };
    if (policy.burst !== undefined && (policy.burst < 1 || policy.burst > MAX)) return { ok: false, problem: `"${entry}": burst must be from 1 to ${MAX}` };
    limits[role] = policy;
  }
  return { ok: true, limits };
}
