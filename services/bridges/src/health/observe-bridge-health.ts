import { deriveBridgeStatus, type ReadBridgeStateReturnType } from '@junction/onchain';
import { formatUnits } from 'viem';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import { BridgeUnreachableError } from '../errors/bridge-unreachable-error';
import { BridgeHealthStatus } from '../types/bridge-health';
import type { BridgeHealthSnapshot, ContractHealthSnapshot, ProbeResultSnapshot, TokenBalanceSnapshot } from './bridge-health-snapshot';
import type { ChainClientRegistry } from '@junction/onchain';
import type { ChainEndpoints } from './chain-endpoint-directory';
import { balancesToRead, observeChainSide, type ChainSide, type ChainSideObservation } from './observe-chain-side';
import type { TokenMetadataReader } from './token-metadata-reader';

/** Parameters of {@link observeBridgeHealth}. */
export interface ObserveBridgeHealthParameters {
  /** The bridge's contracts. */
  contracts: BridgeContractEntity[];
  /** The bridge's probes. */
  probes: BridgeProbeEntity[];
  /** Every chain the contracts and probes live on, by catalogue id (null: unknown to the chains subgraph). */
  chains: ReadonlyMap<string, ChainEndpoints | null>;
  /** Where each chain's client comes from. */
  clients: ChainClientRegistry;
  /** Where held tokens' symbols and decimals come from. */
  tokenMetadata: TokenMetadataReader;
}

/**
 * Reads a bridge's health from its chains, every chain in parallel (see {@link observeChainSide}), and derives its
 * status. Throws {@link BridgeUnreachableError} when no chain can be read, so the cache serves the last known value.
 */
export async function observeBridgeHealth({ contracts, probes, chains, clients, tokenMetadata }: ObserveBridgeHealthParameters): Promise<BridgeHealthSnapshot> {
  const observations = await Promise.all(chainSides(contracts, probes, chains).map((side) => observeChainSide({ side, clients, tokenMetadata })));
  const snapshot = assembleBridgeHealth(contracts, probes, observations);
  if (observations.length > 0 && observations.every((observation) => !observation.readable)) throw new BridgeUnreachableError(snapshot);
  return snapshot;
}

/** The bridge's contracts and probes grouped by chain, chains in order of first appearance. */
export function chainSides(contracts: BridgeContractEntity[], probes: BridgeProbeEntity[], chains: ReadonlyMap<string, ChainEndpoints | null>): ChainSide[] {
  const sides = new Map<string, ChainSide>();
  const sideOf = (chainId: string) => {
    let side = sides.get(chainId);
    if (!side) {
      side = { chainId, chain: chains.get(chainId) ?? null, contracts: [], probes: [] };
      sides.set(chainId, side);
    }
    return side;
  };
  for (const contract of contracts) sideOf(contract.chainId).contracts.push(contract);
  for (const probe of probes) sideOf(probe.chainId).probes.push(probe);
  return [...sides.values()];
}

/**
 * Turns what was read on each chain into the bridge's health. The status is `deriveBridgeStatus`'s (UNREACHABLE
 * when no chain answers, PAUSED when a contract is paused, DEGRADED when a chain or a read failed), and a failing
 * probe turns OPERATIONAL into DEGRADED.
 */
export function assembleBridgeHealth(contracts: BridgeContractEntity[], probes: BridgeProbeEntity[], observations: ChainSideObservation[]): BridgeHealthSnapshot {
  const contractHealth = new Map<string, ContractHealthSnapshot>();
  const probeResults = new Map<string, ProbeResultSnapshot>();
  const paused: string[] = [];
  const unreadable: string[] = [];
  const failedReads: string[] = [];
  /** Probes on chains that could not be read: already explained by that chain's reason. */
  const notEvaluated = new Set<string>();
  for (const observation of observations) {
    const chainName = observation.chain?.name ?? observation.chainId;
    if (!observation.readable) {
      unreadable.push(observation.reason);
      for (const contract of observation.contracts) contractHealth.set(contract.id, unreadableContract(observation, contract));
      for (const probe of observation.probes) {
        notEvaluated.add(probe.id);
        probeResults.set(probe.id, { ...probeFields(probe), passed: false, value: null, reason: `Not evaluated: ${observation.reason}` });
      }
      continue;
    }
    let nextBalance = 0;
    observation.contracts.forEach((contract, index) => {
      const pausedRead = observation.state.contracts[index];
      const balances = balancesToRead(contract).map((token) => {
        const balance = balanceSnapshot(observation, token, observation.state.balances[nextBalance++]);
        if (balance.reason) failedReads.push(`The ${balance.symbol ?? balance.token} balance of ${contract.label} on ${chainName} could not be read: ${balance.reason}`);
        return balance;
      });
      const readable = !contract.pausable || pausedRead.ok;
      const reason = pausedRead.ok ? null : `paused() could not be read: ${pausedRead.error}`;
      if (reason) failedReads.push(`${contract.label} on ${chainName}: ${reason}`);
      if (contract.pausable && pausedRead.ok && pausedRead.value) paused.push(`${contract.label} on ${chainName} is paused.`);
      contractHealth.set(contract.id, {
        ...contractFields(contract),
        paused: contract.pausable && pausedRead.ok ? pausedRead.value : null,
        readable,
        reason,
        balances,
      });
    });
    observation.probes.forEach((probe, index) => probeResults.set(probe.id, { ...probeFields(probe), ...observation.probeOutcomes[index] }));
  }

  const failedProbes = probes.map((probe) => probeResults.get(probe.id)!).filter((result) => !result.passed);
  const derived = deriveBridgeStatus({ states: observations.map((observation) => (observation.readable ? observation.state : null)) }) as BridgeHealthStatus;
  const status = derived === BridgeHealthStatus.OPERATIONAL && failedProbes.length > 0 ? BridgeHealthStatus.DEGRADED : derived;
  const reasons = [
    ...paused,
    // One reason per chain, but the chains subgraph being down, say, is one reason for all of them.
    ...new Set(unreadable),
    ...failedReads,
    ...failedProbes.filter((result) => !notEvaluated.has(result.probeId)).map((result) => `Probe "${result.label}" failed: ${result.reason}`),
  ];
  if (status === BridgeHealthStatus.OPERATIONAL) {
    reasons.push(
      contracts.length + probes.length === 0
        ? 'No contracts or probes are recorded for this bridge, so nothing was read on-chain.'
        : 'Every contract answers, none is paused, and every probe passes.',
    );
  }
  return {
    status,
    reasons,
    contracts: contracts.map((contract) => contractHealth.get(contract.id)!),
    probes: probes.map((probe) => probeResults.get(probe.id)!),
  };
}

/** A contract on a chain that could not be read: no pause state, every balance unknown. */
function unreadableContract(observation: ChainSideObservation & { readable: false }, contract: BridgeContractEntity): ContractHealthSnapshot {
  return {
    ...contractFields(contract),
    paused: null,
    readable: false,
    reason: observation.reason,
    balances: balancesToRead(contract).map((token) => {
      const native = token === 'native';
      const gasToken = observation.chain?.gasToken;
      return {
        token: native ? null : token,
        symbol: native ? (gasToken?.symbol ?? null) : null,
        decimals: native ? (gasToken?.decimals ?? null) : null,
        rawAmount: null,
        amount: null,
        reason: observation.reason,
      };
    }),
  };
}

function balanceSnapshot(
  observation: ChainSideObservation & { readable: true },
  token: string,
  read: ReadBridgeStateReturnType['balances'][number],
): TokenBalanceSnapshot {
  const native = token === 'native';
  const metadata = native ? observation.chain!.gasToken : observation.tokens.get(token);
  const decimals = metadata?.decimals ?? null;
  const rawAmount = read.ok && read.value !== null ? read.value : null;
  return {
    token: native ? null : token,
    symbol: metadata?.symbol ?? null,
    decimals,
    rawAmount: rawAmount === null ? null : rawAmount.toString(),
    amount: rawAmount === null || decimals === null ? null : Number(formatUnits(rawAmount, decimals)),
    reason: read.ok ? null : read.error,
  };
}

function contractFields(contract: BridgeContractEntity) {
  return { contractId: contract.id, chainId: contract.chainId, address: contract.address, role: contract.role, label: contract.label, pausable: contract.pausable };
}

function probeFields(probe: BridgeProbeEntity) {
  return { probeId: probe.id, label: probe.label, chainId: probe.chainId, address: probe.address };
}
