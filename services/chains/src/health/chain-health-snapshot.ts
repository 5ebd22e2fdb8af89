import type { ChainHealthStatus } from '../types/chain-health';

/** One observation of a chain's health, as cached (plain JSON: numbers, ISO strings, no bigints). */
export interface ChainHealthSnapshot {
  status: ChainHealthStatus;
  reasons: string[];
  chainIdMatches: boolean;
  headNumber: number | null;
  headTimestamp: string | null;
  headAgeSeconds: number | null;
  safe: CheckpointSnapshot | null;
  finalized: CheckpointSnapshot | null;
  gasPriceGwei: number | null;
  baseFeeGwei: number | null;
  endpoints: Array<{ label: string; priority: number; reachable: boolean; latencyMs: number | null; chainId: number | null }>;
  sequencer: { up: boolean; startedAt: string; withinGracePeriod: boolean } | null;
  thresholds: { degradedAfterSeconds: number; haltedAfterSeconds: number };
  /** Every contract probe of the chain, by label. */
  probes: ProbeResultSnapshot[];
}

/** A safe or finalized checkpoint in a snapshot. */
export interface CheckpointSnapshot {
  number: number;
  timestamp: string;
  lagBlocks: number;
  lagSeconds: number;
}

/** One contract probe's outcome. */
export interface ProbeResultSnapshot {
  probeId: string;
  label: string;
  address: string;
  passed: boolean;
  /** What the function returned, as text; null when it was not called or the call failed. */
  value: string | null;
  reason: string;
}
