import type { RateLimitPolicy } from './rate-limit-policy';
import type { TakeTokensResult } from './token-bucket-store';

/** What one request's rate limit decision was: which policy, and what the bucket said. */
export interface RateLimitDecision {
  /** The policy's name in `RateLimit-Policy` / `RateLimit`: the role, in lower case (`public`, `partner` …). */
  policyName: string;
  /** The policy applied. */
  policy: RateLimitPolicy;
  /** What the bucket said. */
  result: TakeTokensResult;
  /** When the decision was made, epoch milliseconds on the gateway's clock. */
  decidedAt: number;
}

/** Seconds to wait before retrying a refused request: at least 1. */
export function retryAfterSeconds(result: TakeTokensResult): number {
  return Math.max(1, Math.ceil(result.retryInMs / 1000));
}

/**
 * The headers that tell a caller where it stands:
 * - `X-RateLimit-Limit`: the most requests it can make at once (the bucket's size, `burst`);
 * - `X-RateLimit-Remaining`: requests it can make right now;
 * - `X-RateLimit-Reset`: when the bucket is full again, in epoch seconds (as GitHub's);
 * - `RateLimit-Policy: "<role>";q=<requests>;w=<window seconds>` and `RateLimit: "<role>";r=<remaining>;t=<seconds
 *   until full>`, the structured fields of draft-ietf-httpapi-ratelimit-headers;
 * - `Retry-After` (seconds) when the request was refused.
 */
export function rateLimitHeaders({ policyName, policy, result, decidedAt }: RateLimitDecision): Record<string, string> {
  const limit = policy.burst ?? policy.requests;
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(result.remaining),
    'X-RateLimit-Reset': String(Math.ceil((decidedAt + result.fullInMs) / 1000)),
    'RateLimit-Policy': `"${policyName}";q=${policy.requests};w=${policy.windowSeconds}`,
    RateLimit: `"${policyName}";r=${result.remaining};t=${Math.ceil(result.fullInMs / 1000)}`,
  };
  if (!result.allowed) headers['Retry-After'] = String(retryAfterSeconds(result));
  return headers;
}
