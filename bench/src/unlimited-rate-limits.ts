import type { RateLimits } from '@junction/gateway';

/** A rate-limit bucket large enough never to refuse a benchmark's load. */
export const UNLIMITED_RATE_LIMIT = { requests: 100_000_000, windowSeconds: 60 };

/**
 * Rate limits that never refuse, for every role: the benchmarks measure the gateway and the subgraphs, not the
 * limiter's verdicts (a bench runs far more requests a minute than the default limits allow).
 */
export const UNLIMITED_RATE_LIMITS: RateLimits = {
  PUBLIC: UNLIMITED_RATE_LIMIT,
  PARTNER: UNLIMITED_RATE_LIMIT,
  OPERATOR: UNLIMITED_RATE_LIMIT,
  ADMIN: UNLIMITED_RATE_LIMIT,
};
