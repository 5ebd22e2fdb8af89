/** A chain's health, as the chains service reports it. */
export type ChainStatus = 'HEALTHY' | 'DEGRADED' | 'HALTED' | 'UNREACHABLE' | 'MISCONFIGURED';

/** When a stale head makes a chain degraded or halted, in blocks of its expected block time. */
export interface ChainStatusThresholds {
  /**
   * A head older than this many expected block times makes the chain `DEGRADED`.
   * @default 5
   */
  degradedAfterBlocks?: number;
  /**
   * A head older than this many expected block times makes the chain `HALTED`.
   * @default 20
   */
  haltedAfterBlocks?: number;
  /**
   * A head is never `HALTED` younger than this, however short the block time, in seconds.
   * @default 10
   */
  minHaltedSeconds?: number;
  /**
   * A head is never `DEGRADED` younger than this, in seconds. Block timestamps have whole-second resolution,
   * so on a sub-second chain a fresh head can look a second old; this keeps such chains from flapping.
   * @default 2
   */
  minDegradedSeconds?: number;
}

/** Parameters of {@link deriveChainStatus}: what one health sample observed. */
export interface DeriveChainStatusParameters {
  /** Whether the endpoints serve the expected chain id; `null` when no endpoint answered to say. */
  chainIdOk: boolean | null;
  /** How many of the chain's endpoints answered. */
  reachableEndpoints: number;
  /**
   * How many endpoints the chain has.
   * @default reachableEndpoints (no endpoint counted as missing)
   */
  totalEndpoints?: number;
  /** Age of the head in seconds ({@link getChainHead}), or `null` when it could not be read. */
  headAgeSeconds: number | null;
  /** The chain's expected block time, in milliseconds. */
  expectedBlockTimeMs: number;
  /**
   * Thresholds; each field has its own default.
   * @default {}
   */
  thresholds?: ChainStatusThresholds;
  /**
   * What the chain's sequencer uptime feed says ({@link readSequencerUptime}); `null`/absent when it has none or
   * it could not be read.
   * @default null
   */
  sequencerUp?: boolean | null;
  /**
   * How many of the chain's operator-defined contract probes failed ({@link evaluateStoredProbes}).
   * @default 0
   */
  failedProbes?: number;
}

/** What {@link deriveChainStatus} returns. */
export type DeriveChainStatusReturnType = ChainStatus;

/**
 * Derives a chain's status from one health sample. The first rule that holds wins:
 *
 * 1. `MISCONFIGURED`: an endpoint serves another chain id (`chainIdOk === false`).
 * 2. `UNREACHABLE`: no endpoint answered, or the head could not be read.
 * 3. `HALTED`: the sequencer uptime feed says the sequencer is down, or the head is older than
 *    `max(haltedAfterBlocks × block time, minHaltedSeconds)`.
 * 4. `DEGRADED`: the head is older than `max(degradedAfterBlocks × block time, minDegradedSeconds)`, some
 *    endpoints did not answer, or a contract probe failed.
 * 5. `HEALTHY` otherwise.
 *
 * @example
 * deriveChainStatus({
 *   chainIdOk: true,
 *   reachableEndpoints: 2,
 *   totalEndpoints: 2,
 *   headAgeSeconds: 70,
 *   expectedBlockTimeMs: 2000,
 * });
 * // 'HALTED' (70 s > 20 blocks × 2 s)
 */
export function deriveChainStatus({
  chainIdOk,
  reachableEndpoints,
  totalEndpoints = reachableEndpoints,
  headAgeSeconds,
  expectedBlockTimeMs,
  thresholds: { degradedAfterBlocks = 5, haltedAfterBlocks = 20, minHaltedSeconds = 10, minDegradedSeconds = 2 } = {},
  sequencerUp = null,
  failedProbes = 0,
}: DeriveChainStatusParameters): DeriveChainStatusReturnType {
  if (chainIdOk === false) return 'MISCONFIGURED';
  if (reachableEndpoints === 0 || headAgeSeconds === null) return 'UNREACHABLE';
  const blockTimeSeconds = expectedBlockTimeMs / 1000;
  const haltedAfterSeconds = Math.max(haltedAfterBlocks * blockTimeSeconds, minHaltedSeconds);
  if (sequencerUp === false || headAgeSeconds > haltedAfterSeconds) return 'HALTED';
  const degradedAfterSeconds = Math.max(degradedAfterBlocks * blockTimeSeconds, minDegradedSeconds);
  if (headAgeSeconds > degradedAfterSeconds || reachableEndpoints < totalEndpoints || failedProbes > 0) return 'DEGRADED';
  return 'HEALTHY';
}
