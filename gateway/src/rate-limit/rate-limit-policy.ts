import type { Role } from '@junction/federation/identity';
import type { TokenBucketLimits } from './token-bucket-store';

/** One role's limit: `requests` per `windowSeconds`, refilled continuously, with bursts of up to `burst`. */
export interface RateLimitPolicy {
  /** Requests a caller may make per window. */
  requests: number;
  /** The window, in whole seconds. */
  windowSeconds: number;
  /** The most requests a caller may make at once (the bucket's size). @default requests */
  burst?: number;
}

/** A limit for every role. */
export type RateLimits = Record<Role, RateLimitPolicy>;

/**
 * The limits when nothing is configured: anonymous callers 60 a minute per client address, partner keys 600 a
 * minute, operator and admin keys 3,000 a minute, each key on its own.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  PUBLIC: { requests: 60, windowSeconds: 60 },
  PARTNER: { requests: 600, windowSeconds: 60 },
  OPERATOR: { requests: 3000, windowSeconds: 60 },
  ADMIN: { requests: 3000, windowSeconds: 60 },
});

/** The default limits with `overrides` in place of the roles they name. */
export function withDefaultRateLimits(overrides: Partial<RateLimits> = {}): RateLimits {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

/** The bucket behind a policy: `burst` tokens, refilled at `requests` per window. */
export function bucketLimits({ requests, windowSeconds, burst = requests }: RateLimitPolicy): TokenBucketLimits {
  return { capacity: burst, refillPerMs: requests / (windowSeconds * 1000) };
}

/** The window as a person says it after "per": `minute`, `90 seconds`, `2 hours`. */
export function describeWindow(seconds: number): string {
  const [amount, unit] = seconds % 3600 === 0 ? [seconds / 3600, 'hour'] : seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return amount === 1 ? unit : `${amount} ${unit}s`;
}
