import { LeaderSampler, type LeaderSamplerOptions } from '@junction/federation';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeHealthReader } from '../health/bridge-health-reader';
import type { ChainEndpointDirectory, ChainEndpoints } from '../health/chain-endpoint-directory';
import type { BridgeContractRepository } from '../repositories/bridge-contract.repository';
import type { BridgeHealthSampleRepository } from '../repositories/bridge-health-sample.repository';
import type { BridgeProbeRepository } from '../repositories/bridge-probe.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import { MAX_HEALTH_CONTRACTS } from '../health/bridge-health-snapshot';
import { toBridgeHealthSample } from './to-bridge-health-sample';

/** Decides which bridges the sampler reads (among the active bridges with a contract or probe on a chain that has RPC endpoints). */
export type SampleBridgeFilter = (bridge: Pick<BridgeEntity, 'id' | 'slug'>) => boolean;

/** What one sampling run did. */
export interface SampleRunResult {
  /** False when another replica leads: this run read and wrote nothing. */
  leader: boolean;
  /** Bridges whose health was read. */
  bridgesRead: number;
  /** Sample rows written (an observation already stored, served again from the cache, is not written twice). */
  samplesWritten: number;
  /** Bridges whose chains could not be read just now (only a stale or no observation): not new data, so not stored. */
  bridgesSkipped: number;
  /** Samples deleted for being older than the retention. */
  samplesPruned: number;
}

export type { SamplerLogEntry } from '@junction/federation';

/** Options of {@link BridgeHealthSampler}. */
export interface BridgeHealthSamplerOptions extends LeaderSamplerOptions {
  /** The reader `Bridge.health` uses: samples go through the same cache, so a fresh cached value costs no RPC call. */
  reader: BridgeHealthReader;
  /** Where the bridges come from. */
  bridges: BridgeRepository;
  /** Where their contracts come from. */
  contracts: BridgeContractRepository;
  /** Where their probes come from. */
  probes: BridgeProbeRepository;
  /** Where the chains' RPC endpoints come from (the chains subgraph). */
  chainEndpoints: ChainEndpointDirectory;
  /** Where samples go. */
  samples: BridgeHealthSampleRepository;
  /** Which bridges to sample. @default every active bridge with a contract or probe on a chain that has RPC endpoints */
  bridgeFilter?: SampleBridgeFilter;
}

/**
 * Samples every bridge's health on an interval into the history `Bridge.metrics` reads (schedule and leadership:
 * {@link LeaderSampler}): reads every bridge through the shared health reader, writes the fresh observations in
 * one INSERT (skipping ones already stored), and prunes samples older than the retention in one DELETE.
 */
export class BridgeHealthSampler extends LeaderSampler<SampleRunResult> {
  private readonly sources: Pick<BridgeHealthSamplerOptions, 'reader' | 'bridges' | 'contracts' | 'probes' | 'chainEndpoints' | 'samples' | 'bridgeFilter'>;

  constructor({ reader, bridges, contracts, probes, chainEndpoints, samples, bridgeFilter, ...schedule }: BridgeHealthSamplerOptions) {
    super('bridge health', 'bridges', schedule);
    this.sources = { reader, bridges, contracts, probes, chainEndpoints, samples, bridgeFilter };
  }

  protected idleResult(): SampleRunResult {
    return { leader: false, bridgesRead: 0, samplesWritten: 0, bridgesSkipped: 0, samplesPruned: 0 };
  }

  protected async sample(startedAt: number): Promise<SampleRunResult> {
    const { bridges, contracts, probes, chainEndpoints, reader, samples, bridgeFilter} = this.sources;
    const candidates = (await bridges.findAllActive()).filter((bridge) => !bridgeFilter || bridgeFilter(bridge));
    const ids = candidates.map((bridge) => bridge.id);
    const [contractLists, probeLists] = candidates.length === 0 ? [[], []] : await Promise.all([contracts.findByBridgeIds(ids, MAX_HEALTH_CONTRACTS), probes.findByBridgeIds(ids)]);
    const chainIds = [...new Set([...contractLists.flat(), ...probeLists.flat()].map((item) => item.chainId))];
    const chains = await findChains(chainEndpoints, chainIds);
    // A bridge with nothing to read from (no contract or probe on a chain with endpoints) has no news to store.
    const readable = (chainId: string) => chains instanceof Error || (chains.get(chainId)?.endpoints.length ?? 0) > 0;
    const targets = candidates
      .map((bridge, index) => ({ bridge, contracts: contractLists[index], probes: probeLists[index] }))
      .filter((target) => [...target.contracts, ...target.probes].some((item) => readable(item.chainId)));
    const reads = await Promise.all(targets.map(({ bridge, ...rest }) => reader.read({ bridgeId: bridge.id, ...rest, chains })));
    const fresh = reads.flatMap((read, index) => (read.stale || read.error ? [] : [toBridgeHealthSample(targets[index].bridge.id, read.observedAt, read.snapshot)]));
    const samplesWritten = await samples.insertMany(fresh);
    const samplesPruned = await samples.deleteObservedBefore(this.retentionCutoff(startedAt));
    return { leader: true, bridgesRead: targets.length, samplesWritten, bridgesSkipped: targets.length - fresh.length, samplesPruned };
  }
}

/** The chains by id from the chains subgraph, or why it could not be asked (every read then fails, so nothing is stored). */
async function findChains(directory: ChainEndpointDirectory, chainIds: string[]): Promise<ReadonlyMap<string, ChainEndpoints | null> | Error> {
  if (chainIds.length === 0) return new Map();
  try {
    const found = await directory.find(chainIds);
    return new Map(chainIds.map((id, index) => [id, found[index]]));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
