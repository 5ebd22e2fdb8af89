import { stringify, type Address, type Chain, type Client, type Transport } from 'viem';
import type { ContractProbe } from '../types/contract-probe';
import type { StoredProbe, StoredProbeResult } from '../types/stored-probe';
import { errorReason } from '../utils/error-reason';
import { parseProbe } from '../utils/parse-probe';
import { evaluateProbes } from './evaluate-probes';

/** Parameters of {@link evaluateStoredProbes}. */
export interface EvaluateStoredProbesParameters {
  /** The probes to run, all on this client's chain. */
  probes: readonly StoredProbe[];
  /**
   * The Multicall3 contract that aggregates the calls.
   * @default client.chain.contracts.multicall3.address
   */
  multicallAddress?: Address;
}

/** What {@link evaluateStoredProbes} returns: one result per probe, in order. */
export type EvaluateStoredProbesReturnType = StoredProbeResult[];

/** {@link evaluateStoredProbes} never throws: every failure is a failed probe with its reason. */
export type EvaluateStoredProbesErrorType = never;

/**
 * Runs stored contract probes ({@link evaluateProbes}) and reports each as plain JSON, its value as text. Never
 * throws: a probe that can no longer be run fails on its own ("The probe cannot be run: …"), and a node that does
 * not answer fails every runnable probe ("The probe could not be evaluated: …"). An `expectEquals` of a function
 * returning `bool` compares as a boolean.
 *
 * - JSON-RPC: one `eth_call` of Multicall3 `aggregate3` holding every runnable probe (none when there are none).
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link EvaluateStoredProbesParameters}
 * @returns The probes' results. {@link EvaluateStoredProbesReturnType}
 *
 * @example
 * const [notPaused] = await evaluateStoredProbes(client, {
 *   probes: [{ address: escrow, signature: 'function paused() view returns (bool)', args: [], expectEquals: 'false', expectMin: null, expectMax: null }],
 * });
 * // { passed: true, value: 'false', reason: 'paused() returned false, equal to false as expected.' }
 */
export async function evaluateStoredProbes(
  client: Client<Transport, Chain | undefined>,
  { probes, multicallAddress }: EvaluateStoredProbesParameters,
): Promise<EvaluateStoredProbesReturnType> {
  const results: Array<StoredProbeResult | null> = probes.map(() => null);
  const runnable: Array<{ index: number; probe: ContractProbe }> = [];
  probes.forEach((stored, index) => {
    const probe = toContractProbe(stored);
    try {
      const { abiItem } = parseProbe(probe);
      // Stored as text; a bool output compares (and reads, in reasons) as a boolean.
      if (abiItem.outputs[0]?.type === 'bool' && probe.expect?.equals !== undefined) probe.expect.equals = probe.expect.equals === 'true';
      runnable.push({ index, probe });
    } catch (error) {
      results[index] = { passed: false, value: null, reason: `The probe cannot be run: ${errorReason(error)}` };
    }
  });
  if (runnable.length > 0) {
    try {
      const evaluated = await evaluateProbes(client, { probes: runnable.map(({ probe }) => probe), multicallAddress });
      evaluated.forEach((result, position) => {
        results[runnable[position].index] = { passed: result.passed, value: result.value === null ? null : valueText(result.value), reason: result.reason };
      });
    } catch (error) {
      for (const { index } of runnable) results[index] = { passed: false, value: null, reason: `The probe could not be evaluated: ${errorReason(error)}` };
    }
  }
  return results as StoredProbeResult[];
}

/** A stored probe as {@link evaluateProbes} runs it. */
function toContractProbe(probe: StoredProbe): ContractProbe {
  return {
    address: probe.address as Address,
    signature: probe.signature,
    args: probe.args,
    expect: { equals: probe.expectEquals ?? undefined, min: probe.expectMin ?? undefined, max: probe.expectMax ?? undefined },
  };
}

/** A returned value as text: integers in decimal, booleans as `true`/`false`, tuples as JSON. */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return stringify(value);
}
