import type { Address, Chain, Client, ContractFunctionParameters, Transport } from 'viem';
import { multicall } from 'viem/actions';
import type { InvalidProbeErrorType } from '../errors/invalid-probe-error';
import { OnchainError } from '../errors/onchain-error';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import type { ContractProbe, ProbeResult } from '../types/contract-probe';
import { checkProbeExpectation } from '../utils/check-probe-expectation';
import { parseProbe } from '../utils/parse-probe';
import { toOnchainError } from '../utils/to-onchain-error';
import { toReadResult, type MulticallEntry } from '../utils/to-read-result';

/** Parameters of {@link evaluateProbes}. */
export interface EvaluateProbesParameters {
  /** The probes to run, all on this client's chain. */
  probes: readonly ContractProbe[];
  /**
   * The Multicall3 contract that aggregates the calls.
   * @default client.chain.contracts.multicall3.address
   */
  multicallAddress?: Address;
}

/** What {@link evaluateProbes} returns: one result per probe, in order. */
export type EvaluateProbesReturnType = ProbeResult[];

/** Errors {@link evaluateProbes} throws. */
export type EvaluateProbesErrorType = InvalidProbeErrorType | RpcRequestFailedErrorType | OnchainError;

/**
 * Runs operator-defined contract probes (`'function paused() view returns (bool)'` at an address, with
 * arguments and an expectation) and says of each whether it passed and why. A probe whose call reverts fails on
 * its own; only a node that does not answer fails them all.
 *
 * - JSON-RPC: one `eth_call` of Multicall3 `aggregate3` (`allowFailure`, no chunking) holding every probe.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link EvaluateProbesParameters}
 * @returns The probes' results. {@link EvaluateProbesReturnType}
 * @throws {@link InvalidProbeError} (`BAD_USER_INPUT`, field `probes.<i>.…`) before any call when a probe is
 * invalid; {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * const [notPaused] = await evaluateProbes(client, {
 *   probes: [{ address: escrow, signature: 'function paused() view returns (bool)', expect: { equals: false } }],
 * });
 */
export async function evaluateProbes(
  client: Client<Transport, Chain | undefined>,
  { probes, multicallAddress = client.chain?.contracts?.multicall3?.address }: EvaluateProbesParameters,
): Promise<EvaluateProbesReturnType> {
  const parsed = probes.map((probe, index) => parseProbe(probe, `probes.${index}`));
  if (parsed.length === 0) return [];
  const chainId = client.chain?.id ?? null;
  if (!multicallAddress) {
    throw new OnchainError(`Chain ${chainId ?? '(unknown)'} has no Multicall3 address; configure one to run contract probes.`, {
      kind: 'misconfigured',
    });
  }
  const calls: ContractFunctionParameters[] = parsed.map(({ abiItem, args }, index) => ({
    address: probes[index].address,
    abi: [abiItem],
    functionName: abiItem.name,
    args,
  }));

  let entries: MulticallEntry[];
  try {
    // batchSize 0: no chunking, so every read travels in one eth_call.
    const options = { contracts: calls, allowFailure: true, batchSize: 0, multicallAddress } as const;
    entries = (await multicall(client, options)) as MulticallEntry[];
  } catch (error) {
    const contract = { address: multicallAddress, functionName: 'aggregate3' };
    throw toOnchainError(error, { operation: 'evaluateProbes', chainId, contract });
  }

  return entries.map((entry, index) => {
    const { label } = parsed[index];
    const read = toReadResult(entry, (value) => value);
    if (!read.ok) return { value: null, passed: false, reason: `${label} failed: ${read.error}` };
    return checkProbeExpectation({ value: read.value, expect: probes[index].expect, label });
  });
}
