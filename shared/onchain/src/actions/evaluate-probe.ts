import type { Address, Chain, Client, Transport } from 'viem';
import type { ContractProbe, ProbeResult } from '../types/contract-probe';
import { parseProbe } from '../utils/parse-probe';
import { evaluateProbes, type EvaluateProbesErrorType } from './evaluate-probes';

/** Parameters of {@link evaluateProbe}. */
export interface EvaluateProbeParameters {
  /** The probe to run. */
  probe: ContractProbe;
  /**
   * The Multicall3 contract that carries the call.
   * @default client.chain.contracts.multicall3.address
   */
  multicallAddress?: Address;
}

/** What {@link evaluateProbe} returns. */
export type EvaluateProbeReturnType = ProbeResult;

/** Errors {@link evaluateProbe} throws (an invalid probe names the field `probe.…`). */
export type EvaluateProbeErrorType = EvaluateProbesErrorType;

/**
 * Runs one operator-defined contract probe; {@link evaluateProbes} for several in one call.
 *
 * - JSON-RPC: one `eth_call` (Multicall3 `aggregate3`).
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link EvaluateProbeParameters}
 * @returns The probe's result. {@link EvaluateProbeReturnType}
 *
 * @example
 * const { passed, reason } = await evaluateProbe(client, {
 *   probe: { address: escrow, signature: 'function paused() view returns (bool)', expect: { equals: false } },
 * });
 */
export async function evaluateProbe(
  client: Client<Transport, Chain | undefined>,
  { probe, multicallAddress }: EvaluateProbeParameters,
): Promise<EvaluateProbeReturnType> {
  parseProbe(probe, 'probe');
  const [result] = await evaluateProbes(client, { probes: [probe], multicallAddress });
  return result;
}
