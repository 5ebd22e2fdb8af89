import type { ReadBridgeStateReturnType } from '../actions/read-bridge-state';
import type { ChainStatus } from './derive-chain-status';

/** A bridge's health, as the bridges service reports it. */
export type BridgeStatus = 'OPERATIONAL' | 'PAUSED' | 'DEGRADED' | 'UNREACHABLE';

/** Parameters of {@link deriveBridgeStatus}: what one health sample observed. */
export interface DeriveBridgeStatusParameters {
  /**
   * The {@link readBridgeState} result of every chain the bridge has contracts on; `null` for a chain that could
   * not be read.
   */
  states: readonly (ReadBridgeStateReturnType | null)[];
  /**
   * The statuses of the chains the bridge connects ({@link deriveChainStatus}).
   * @default []
   */
  chainStatuses?: readonly ChainStatus[];
}

/** What {@link deriveBridgeStatus} returns. */
export type DeriveBridgeStatusReturnType = BridgeStatus;

/**
 * Derives a bridge's status from one health sample. The first rule that holds wins:
 *
 * 1. `UNREACHABLE`: there are chains to read and none could be read.
 * 2. `PAUSED`: a contract's `paused()` returned `true`.
 * 3. `DEGRADED`: a chain could not be read, a read failed (reverted, no contract), or a connected chain is not
 *    `HEALTHY`.
 * 4. `OPERATIONAL` otherwise.
 *
 * @example
 * deriveBridgeStatus({ states: [await readBridgeState(l1, { contracts })], chainStatuses: ['HEALTHY', 'HALTED'] });
 * // 'DEGRADED' (one side halted)
 */
export function deriveBridgeStatus({ states, chainStatuses = [] }: DeriveBridgeStatusParameters): DeriveBridgeStatusReturnType {
  const read = states.filter((state) => state !== null);
  if (states.length > 0 && read.length === 0) return 'UNREACHABLE';
  if (read.some(({ contracts }) => contracts.some((contract) => contract.ok && contract.value))) return 'PAUSED';
  const failedRead = read.some(({ contracts, balances }) => [...contracts, ...balances].some((result) => !result.ok));
  const unhealthyChain = chainStatuses.some((status) => status !== 'HEALTHY');
  if (read.length < states.length || failedRead || unhealthyChain) return 'DEGRADED';
  return 'OPERATIONAL';
}
