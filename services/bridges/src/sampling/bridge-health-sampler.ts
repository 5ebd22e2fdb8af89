import type { LeaderLock } from '@junction/db';
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

/** One line of the sampler's log. */
export interface SamplerLogEntry {
  /** `error` for a failed run, `info` for a change of leadership. */
  level: 'info' | 'error';
  /** What happened, in a sentence. */
  msg: string;
  /** The error's message, for failures. */
  error?: string;
}

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

/** Options of {@link BridgeHealthSampler}. */
export interface BridgeHealthSamplerOptions {
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
  /** Leadership among replicas: only the leader samples. The sampler releases it when it stops. */
  leadership: LeaderLock;
  /** Milliseconds from the start of one run to the start of the next; 0 runs only when {@link BridgeHealthSampler.runOnce} is called. */
  intervalMs: number;
  /** Samples older than this many hours are deleted, once per run. @default 168 (7 days) */
  retentionHours?: number;
  /** Which bridges to sample. @default every active bridge with a contract or probe on a chain that has RPC endpoints */
  bridgeFilter?: SampleBridgeFilter;
  /** Where failures and leadership changes are reported. @default JSON lines on stderr */
  log?: (entry: SamplerLogEntry) => void;
  /** The clock. @default Date.now */
  now?: () => number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Samples every bridge's health on an interval into the history `Bridge.metrics` reads. Runs one at a time; on each
 * run the replica first checks that it leads (one leader across replicas), reads every bridge through the shared
 * health reader, writes the fresh observations in one INSERT (skipping ones already stored), and prunes samples
 * older than the retention in one DELETE. A failed run is logged and recorded in {@link lastError}; the timer
 * carries on.
 *
 * Reading through the shared cache means sampling costs no RPC call while a bridge's cached observation is fresh.
 * Past its freshness window the cache serves the cached observation once more (already stored, so not written
 * twice) while it refreshes it in the background, and the next run stores the refreshed one: every row carries
 * the time its observation was really made.
 */
export class BridgeHealthSampler {
  /** When the last run started, or null before the first. */
  lastRunAt: Date | null = null;
  /** How long the last run took, in milliseconds. */
  lastDurationMs: number | null = null;
  /** Why the last run failed, or null when it succeeded. */
  lastError: Error | null = null;
  /** What the last successful run did. */
  lastResult: SampleRunResult | null = null;

  private readonly options: Required<Omit<BridgeHealthSamplerOptions, 'bridgeFilter'>> & Pick<BridgeHealthSamplerOptions, 'bridgeFilter'>;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The run in progress (or the last one); runs are chained so two never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private wasLeader = false;

  constructor({ retentionHours = 168, log = logJson, now = Date.now, ...rest }: BridgeHealthSamplerOptions) {
    if (!(rest.intervalMs >= 0)) throw new RangeError(`intervalMs must be 0 or more, got ${rest.intervalMs}`);
    if (!(retentionHours > 0)) throw new RangeError(`retentionHours must be more than 0, got ${retentionHours}`);
    this.options = { retentionHours, log, now, ...rest };
  }

  /** True while this replica holds the sampling leadership (as of its last run). */
  get isLeader(): boolean {
    return this.options.leadership.isLeader;
  }

  /** Starts sampling every `intervalMs` (the first run one interval from now). No-op when `intervalMs` is 0. */
  start(): void {
    if (this.stopped || this.timer || this.options.intervalMs === 0) return;
    this.schedule(this.options.intervalMs);
  }

  /** Stops the timer, waits for a run in progress, and gives up leadership so another replica takes over. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
    await this.options.leadership.release();
  }

  /** Runs once now (after a run in progress, if any). Rejects when the run fails, after recording the failure. */
  runOnce(): Promise<SampleRunResult> {
    if (this.stopped) return Promise.reject(new Error('The bridge health sampler is stopped.'));
    const run = this.queue.then(() => this.run());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(): Promise<SampleRunResult> {
    const { now, leadership, log } = this.options;
    const startedAt = now();
    this.lastRunAt = new Date(startedAt);
    try {
      const leader = await leadership.tryAcquire();
      if (leader !== this.wasLeader) log({ level: 'info', msg: leader ? `This replica now leads bridge health sampling (${leadership.name}).` : `This replica no longer leads bridge health sampling (${leadership.name}).` });
      this.wasLeader = leader;
      const result = leader ? await this.sample(startedAt) : { leader, bridgesRead: 0, samplesWritten: 0, bridgesSkipped: 0, samplesPruned: 0 };
      this.lastResult = result;
      this.lastError = null;
      return result;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      throw this.lastError;
    } finally {
      this.lastDurationMs = now() - startedAt;
    }
  }

  private async sample(startedAt: number): Promise<SampleRunResult> {
    const { bridges, contracts, probes, chainEndpoints, reader, samples, bridgeFilter, retentionHours } = this.options;
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
    const samplesPruned = await samples.deleteObservedBefore(new Date(startedAt - retentionHours * HOUR_MS));
    return { leader: true, bridgesRead: targets.length, samplesWritten, bridgesSkipped: targets.length - fresh.length, samplesPruned };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const startedAt = this.options.now();
    try {
      await this.runOnce();
    } catch (error) {
      this.options.log({ level: 'error', msg: 'Bridge health sampling failed; the next run retries.', error: error instanceof Error ? error.message : String(error) });
    }
    if (!this.stopped) this.schedule(Math.max(0, this.options.intervalMs - (this.options.now() - startedAt)));
  }
}

function logJson(entry: SamplerLogEntry): void {
  console.error(JSON.stringify({ ...entry, service: 'bridges' }));
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
