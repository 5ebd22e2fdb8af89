import type { ChainEntity } from '../entities/chain.entity';

/** Expected block times a head may be behind before the chain is DEGRADED, unless the chain sets its own. */
export const DEGRADED_AFTER_BLOCKS = 5;
/** Expected block times a head may be behind before the chain is HALTED, unless the chain sets its own. */
export const HALTED_AFTER_BLOCKS = 20;

/**
 * The head ages, in seconds, at which a chain turns DEGRADED and HALTED: the chain's own settings, or a multiple
 * of its expected block time (at least 2 s and 10 s: block timestamps have one-second resolution).
 */
export function healthThresholds(chain: Pick<ChainEntity, 'expectedBlockTimeMs' | 'degradedAfterSeconds' | 'haltedAfterSeconds'>) {
  const blockSeconds = chain.expectedBlockTimeMs / 1000;
  const degradedAfterSeconds = chain.degradedAfterSeconds ?? Math.max(DEGRADED_AFTER_BLOCKS * blockSeconds, 2);
  const haltedAfterSeconds = chain.haltedAfterSeconds ?? Math.max(HALTED_AFTER_BLOCKS * blockSeconds, 10, degradedAfterSeconds);
  return { degradedAfterSeconds, haltedAfterSeconds };
}

/**
 * How long a health observation is served as it is: about one block, between 1 s and 12 s, so a thousand readers
 * cost one RPC read per block and a halt shows within a few blocks.
 */
export function healthFreshnessMs(chain: Pick<ChainEntity, 'expectedBlockTimeMs'>): number {
  return Math.min(Math.max(chain.expectedBlockTimeMs, 1000), 12_000);
}
