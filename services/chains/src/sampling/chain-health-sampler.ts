import { LeaderSampler, type LeaderSamplerOptions } from '@junction/federation';
import type { ChainEntity } from '../entities/chain.entity';
import type { ChainHealthReader } from '../health/chain-health-reader';
import type { ChainHealthSampleRepository } from '../repositories/chain-health-sample.repository';
import type { ChainProbeRepository } from '../repositories/chain-probe.repository';
import type { ChainRepository } from '../repositories/chain.repository';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';
import { toChainHealthSample } from './to-chain-health-sample';

/** Decides which chains the sampler reads (among the active chains that have RPC endpoints). */
export type SampleChainFilter = (chain: Pick<ChainEntity, 'id' | 'slug' | 'chainId'>) => boolean;

/** What one sampling run did. */
export interface SampleRunResult {
  /** False when another replica leads: this run read and wrote nothing. */
  leader: boolean;
  /** Chains whose health was read. */
  chainsRead: number;
  /** Sample rows written (an observation already stored, served again from the cache, is not written twice). */
  samplesWritten: number;
  /** Chains that could not be read just now (only a stale or no observation): not new data, so not stored. */
  chainsSkipped: number;
  /** Samples deleted for being older than the retention. */
  samplesPruned: number;
}

export type { SamplerLogEntry } from '@junction/federation';

/** Options of {@link ChainHealthSampler}. */
export interface ChainHealthSamplerOptions extends LeaderSamplerOptions {
  /** The reader `Chain.health` uses: samples go through the same cache, so a fresh cached value costs no RPC call. */
  reader: ChainHealthReader;
  /** Where the chains come from. */
  chains: ChainRepository;
  /** Where their endpoints come from. */
  rpcEndpoints: RpcEndpointRepository;
  /** Where their contract probes come from. */
  probes: ChainProbeRepository;
  /** Where samples go. */
  samples: ChainHealthSampleRepository;
  /** Which chains to sample. @default every active chain that has RPC endpoints */
  chainFilter?: SampleChainFilter;
}

/**
 * Samples every chain's health on an interval into the history `Chain.metrics` reads (schedule and leadership:
 * {@link LeaderSampler}): reads every chain through the shared health reader, writes the fresh observations in one
 * INSERT (skipping ones already stored), and prunes samples older than the retention in one DELETE.
 *
 * Reading through the shared cache means sampling costs no RPC call while a chain's cached observation is fresh.
 * Past its freshness window the cache serves the cached observation once more (already stored, so not written
 * twice) while it refreshes it in the background, and the next run stores the refreshed one: every row carries
 * the time its observation was really made.
 */
export class ChainHealthSampler extends LeaderSampler<SampleRunResult> {
  private readonly sources: Pick<ChainHealthSamplerOptions, 'reader' | 'chains' | 'rpcEndpoints' | 'probes' | 'samples' | 'chainFilter'>;

  constructor({ reader, chains, rpcEndpoints, probes, samples, chainFilter, ...schedule }: ChainHealthSamplerOptions) {
    super('chain health', 'chains', schedule);
    this.sources = { reader, chains, rpcEndpoints, probes, samples, chainFilter };
  }

  protected idleResult(): SampleRunResult {
    return { leader: false, chainsRead: 0, samplesWritten: 0, chainsSkipped: 0, samplesPruned: 0 };
  }

  protected async sample(startedAt: number): Promise<SampleRunResult> {
    const { chains, rpcEndpoints, probes, reader, samples, chainFilter } = this.sources;
    const candidates = (await chains.findActive()).filter((chain) => !chainFilter || chainFilter(chain));
    const ids = candidates.map((chain) => chain.id);
    const [endpoints, probeLists] = candidates.length === 0 ? [[], []] : await Promise.all([rpcEndpoints.findByChainIds(ids), probes.findByChainIds(ids)]);
    const targets = candidates
      .map((chain, index) => ({ chain, endpoints: endpoints[index], probes: probeLists[index] }))
      .filter((target) => target.endpoints.length > 0);
    const reads = await Promise.all(targets.map(({ chain, endpoints, probes }) => reader.read(chain, endpoints, probes)));
    const fresh = reads.flatMap((read, index) => (read.stale || read.error ? [] : [toChainHealthSample(targets[index].chain.id, read.observedAt, read.snapshot)]));
    const samplesWritten = await samples.insertMany(fresh);
    const samplesPruned = await samples.deleteObservedBefore(this.retentionCutoff(startedAt));
    return { leader: true, chainsRead: targets.length, samplesWritten, chainsSkipped: targets.length - fresh.length, samplesPruned };
  }
}
