import { UpstreamUnavailableError } from '@junction/errors';
import {
  deriveChainStatus,
  evaluateStoredProbes,
  getChainHead,
  getFinality,
  getGasPrices,
  probeEndpoints,
  readSequencerUptime,
  type ChainClient,
} from '@junction/onchain';
import { formatGwei, type Address } from 'viem';
import type { ChainProbeEntity } from '../entities/chain-probe.entity';
import type { ChainEntity } from '../entities/chain.entity';
import type { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import { ChainHealthStatus } from '../types/chain-health';
import type { ChainHealthSnapshot, CheckpointSnapshot, ProbeResultSnapshot } from './chain-health-snapshot';
import { healthThresholds } from './health-thresholds';

/** Parameters of {@link observeChainHealth}. */
export interface ObserveChainHealthParameters {
  /** The chain as the catalogue has it. */
  chain: ChainEntity;
  /** Its endpoints, in priority order. */
  endpoints: RpcEndpointEntity[];
  /** Its contract probes, by label. */
  probes: ChainProbeEntity[];
  /** The ranked fallback client over those endpoints. */
  client: ChainClient;
  /** The clock. @default Date.now() */
  now?: number;
  /** How long one endpoint probe may take. @default 2000 */
  probeTimeoutMs?: number;
}

/**
 * Reads a chain's health from the chain: first every endpoint is probed directly (reachability, latency, chain id);
 * a chain id other than the catalogue's makes the chain MISCONFIGURED and nothing else is read from it. Then the
 * head, and in one batch the safe and finalized checkpoints, gas prices, the sequencer uptime feed and the
 * operator's contract probes (`evaluateStoredProbes`: one Multicall3 call for all of them). A failing probe makes
 * a chain that would be HEALTHY DEGRADED, and is named in the reasons.
 * Throws {@link UpstreamUnavailableError} when no endpoint answers, so the cache serves the last known value.
 */
export async function observeChainHealth({
  chain,
  endpoints,
  probes: contractProbes,
  client,
  now = Date.now(),
  probeTimeoutMs = 2000,
}: ObserveChainHealthParameters): Promise<ChainHealthSnapshot> {
  const thresholds = healthThresholds(chain);
  const probes = await probeEndpoints({
    endpoints: endpoints.map((endpoint) => endpoint.url),
    expectedChainId: chain.chainId,
    timeoutMs: probeTimeoutMs,
    onRpcCall: client.onRpcCall,
  });
  const endpointHealth = probes.map((probe, index) => ({
    label: endpoints[index].label,
    priority: endpoints[index].priority,
    reachable: probe.reachable,
    latencyMs: probe.latencyMs === null ? null : Math.round(probe.latencyMs * 10) / 10,
    chainId: probe.chainId,
  }));
  const reachable = probes.filter((probe) => probe.reachable).length;
  const base = { endpoints: endpointHealth, thresholds, headNumber: null, headTimestamp: null, headAgeSeconds: null, safe: null, finalized: null, gasPriceGwei: null, baseFeeGwei: null, sequencer: null };
  const wrongIds = [...new Set(probes.filter((probe) => probe.chainIdMatches === false).map((probe) => probe.chainId))];
  if (wrongIds.length > 0) {
    const reason = `Endpoints serve chain id ${wrongIds.join(', ')}, but ${chain.name} is ${chain.chainId}; its reads are refused until the endpoints are fixed.`;
    return { ...base, status: ChainHealthStatus.MISCONFIGURED, chainIdMatches: false, reasons: [reason], probes: unevaluatedProbes(contractProbes, reason) };
  }
  if (reachable === 0) throw new UpstreamUnavailableError(`No RPC endpoint of ${chain.name}`);

  const head = await getChainHead(client, { now });
  const [finality, gas, sequencer, probeResults] = await Promise.all([
    getFinality(client, { head }),
    getGasPrices(client, { head }),
    chain.sequencerUptimeFeedAddress ? readSequencerUptime(client, { feed: chain.sequencerUptimeFeedAddress as Address, now }) : null,
    evaluateStoredProbes(client, { probes: contractProbes }),
  ]);
  const probeHealth = contractProbes.map((probe, index) => ({ ...probeFields(probe), ...probeResults[index] }));
  const failedProbes = probeHealth.filter((probe) => !probe.passed);
  const status = deriveChainStatus({
    chainIdOk: true,
    reachableEndpoints: reachable,
    totalEndpoints: probes.length,
    headAgeSeconds: head.headAgeSeconds,
    expectedBlockTimeMs: chain.expectedBlockTimeMs,
    thresholds: { degradedAfterBlocks: 0, minDegradedSeconds: thresholds.degradedAfterSeconds, haltedAfterBlocks: 0, minHaltedSeconds: thresholds.haltedAfterSeconds },
    sequencerUp: sequencer?.up ?? null,
    failedProbes: failedProbes.length,
  }) as ChainHealthStatus;
  return {
    ...base,
    status,
    reasons: [
      ...reasonsFor({ status, headAgeSeconds: head.headAgeSeconds, thresholds, reachable, total: probes.length, sequencerUp: sequencer?.up ?? null, probeCount: contractProbes.length }),
      ...failedProbes.map((probe) => `Probe "${probe.label}" failed: ${probe.reason}`),
    ],
    chainIdMatches: true,
    headNumber: Number(head.number),
    headTimestamp: new Date(head.timestamp * 1000).toISOString(),
    headAgeSeconds: head.headAgeSeconds,
    safe: checkpoint(finality.safe),
    finalized: checkpoint(finality.finalized),
    gasPriceGwei: Number(formatGwei(gas.gasPriceWei)),
    baseFeeGwei: gas.baseFeePerGasWei === null ? null : Number(formatGwei(gas.baseFeePerGasWei)),
    sequencer: sequencer && { up: sequencer.up, startedAt: new Date(sequencer.startedAt * 1000).toISOString(), withinGracePeriod: sequencer.withinGracePeriod },
    probes: probeHealth,
  };
}

/** The probes as failed without being run, because of `reason` (the chain could not be read, or not trusted). */
export function unevaluatedProbes(probes: ChainProbeEntity[], reason: string): ProbeResultSnapshot[] {
  return probes.map((probe) => ({ ...probeFields(probe), passed: false, value: null, reason: `Not evaluated: ${reason}` }));
}

function probeFields(probe: ChainProbeEntity) {
  return { probeId: probe.id, label: probe.label, address: probe.address };
}

function checkpoint(value: { number: bigint; timestamp: number; lagBlocks: number; lagSeconds: number } | null): CheckpointSnapshot | null {
  return value && { number: Number(value.number), timestamp: new Date(value.timestamp * 1000).toISOString(), lagBlocks: value.lagBlocks, lagSeconds: value.lagSeconds };
}

function reasonsFor({ status, headAgeSeconds, thresholds, reachable, total, sequencerUp, probeCount }: {
  status: ChainHealthStatus;
  headAgeSeconds: number;
  thresholds: { degradedAfterSeconds: number; haltedAfterSeconds: number };
  reachable: number;
  total: number;
  sequencerUp: boolean | null;
  probeCount: number;
}): string[] {
  const reasons: string[] = [];
  if (sequencerUp === false) reasons.push('The sequencer uptime feed reports the sequencer down.');
  if (headAgeSeconds > thresholds.haltedAfterSeconds) reasons.push(`No new block for ${Math.round(headAgeSeconds)} s (halted after ${thresholds.haltedAfterSeconds} s).`);
  else if (headAgeSeconds > thresholds.degradedAfterSeconds) reasons.push(`The head is ${Math.round(headAgeSeconds)} s old (degraded after ${thresholds.degradedAfterSeconds} s).`);
  if (reachable < total) reasons.push(`${total - reachable} of ${total} RPC endpoints do not answer.`);
  if (status === ChainHealthStatus.HEALTHY) {
    reasons.push(probeCount === 0 ? 'Blocks arrive on time and every endpoint answers.' : 'Blocks arrive on time, every endpoint answers and every probe passes.');
  }
  return reasons;
}
