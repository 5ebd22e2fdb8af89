/** Parameters of {@link webhookRetryDelayMs}. */
export interface WebhookRetryDelayParameters {
  /** Attempts made so far, at least 1 (1 after the first failure). */
  attempts: number;
  /** The delay bound after the first failure; it doubles with each further failure. @default 1000 */
  baseMs?: number;
  /** The largest delay bound. @default 3_600_000 (1 h) */
  capMs?: number;
  /** A uniform random number in [0, 1). @default Math.random */
  random?: () => number;
}

/**
 * How long to wait before the next attempt: exponential backoff with full jitter (AWS Architecture Blog,
 * "Exponential Backoff and Jitter"): a uniform random delay between 0 and `min(capMs, baseMs * 2^(attempts-1))`.
 * The jitter spreads retries of many deliveries that failed together (a receiver's outage) instead of sending them
 * back in waves.
 */
export function webhookRetryDelayMs({ attempts, baseMs = 1000, capMs = 3_600_000, random = Math.random }: WebhookRetryDelayParameters): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 52);
  const bound = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.floor(random() * bound);
}
