import { ROLES, type Role } from '@junction/federation/identity';

/** How many subscriptions one principal may hold open at once on one gateway replica, by role. */
export type SubscriptionLimits = Record<Role, number>;

/**
 * The caps when nothing is configured: 5 open subscriptions per anonymous client address (a status page needs one
 * or two), 20 per partner key (a dashboard with a few filtered feeds, several tabs), 100 per operator or admin key
 * (internal tools fanning out per chain or bridge).
 */
export const DEFAULT_SUBSCRIPTION_LIMITS: Readonly<SubscriptionLimits> = Object.freeze({ PUBLIC: 5, PARTNER: 20, OPERATOR: 100, ADMIN: 100 });

/** The default caps with `overrides` in place of the roles they name. */
export function withDefaultSubscriptionLimits(overrides: Partial<SubscriptionLimits> = {}): SubscriptionLimits {
  return { ...DEFAULT_SUBSCRIPTION_LIMITS, ...overrides };
}

/** What {@link parseSubscriptionLimits} understands, for messages. */
export const SUBSCRIPTION_LIMITS_FORMAT = 'ROLE=N separated by commas, e.g. PUBLIC=5,PARTNER=20';

/** The result of {@link parseSubscriptionLimits}: the caps it read, or the first problem as a sentence naming the bad part. */
export type ParseSubscriptionLimitsResult = { ok: true; limits: Partial<SubscriptionLimits> } | { ok: false; problem: string };

const ENTRY = /^([A-Za-z]+)=(\d+)$/;
const MAX = 1_000_000;

/**
 * Reads per-role caps written as `ROLE=N`, separated by commas (`PUBLIC=2,PARTNER=50`). Roles not named keep their
 * defaults; role names are case-insensitive; 0 lets a role open no subscription at all.
 */
export function parseSubscriptionLimits(text: string): ParseSubscriptionLimitsResult {
  const limits: Partial<SubscriptionLimits> = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') return { ok: false, problem: `it has an empty entry; write ${SUBSCRIPTION_LIMITS_FORMAT}` };
    const match = ENTRY.exec(entry);
    if (!match) return { ok: false, problem: `"${entry}" is not ROLE=N; write ${SUBSCRIPTION_LIMITS_FORMAT}` };
    const role = match[1].toUpperCase() as Role;
    if (!ROLES.includes(role)) return { ok: false, problem: `"${entry}" names the unknown role ${match[1]}; the roles are ${ROLES.join(', ')}` };
    if (limits[role] !== undefined) return { ok: false, problem: `${role} is given twice; give each role once` };
    const cap = Number(match[2]);
    if (cap > MAX) return { ok: false, problem: `"${entry}": N must be from 0 to ${MAX}` };
    limits[role] = cap;
  }
  return { ok: true, limits };
}
