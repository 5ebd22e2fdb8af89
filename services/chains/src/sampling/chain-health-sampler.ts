import type { LeaderLock } from '@junction/db';
import type { ChainEntity } from '../entities/chain.entity';
import type { ChainHealthReader } from '../health/chain-health-reader';
import type { ChainHealthSampleRepository } from '../repositories/chain-health-sample.repository';
import type { ChainRepository } from '../repositories/chain.repository';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';
import { toChainHealthSample } from './to-chain-health-sample';

/** Decides which chains the sampler reads (among the active chains that have RPC endpoints). */
export type SampleChainFilter = (chain: Pick<ChainEntity, 'id' | 'slug' | 'chainId'>) => boolean;

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
  /** Chains whose health was read. */
  chainsRead: number;
  /** Sample rows written (an observation already stored, served again from the cache, is not written twice). */
  samplesWritten: number;
  /** Chains that could not be read just now (only a stale or no observation): not new data, so not stored. */
  chainsSkipped: number;
  /** Samples deleted for being older than the retention. */
  samplesPruned: number;
}

/** Options of {@link ChainHealthSampler}. */
export interface ChainHealthSamplerOptions {
  /** The reader `Chain.health` uses: samples go through the same cache, so a fresh cached value costs no RPC call. */
  reader: ChainHealthReader;
  /** Where the chains come from. */
  chains: ChainRepository;
  /** Where their endpoints come from. */
  rpcEndpoints: RpcEndpointRepository;
  /** Where samples go. */
  samples: ChainHealthSampleRepository;
  /** Leadership among replicas: only the leader samples. The sampler releases it when it stops. */
  leadership: LeaderLock;
  /** Milliseconds from the start of one run to the start of the next; 0 runs only when {@link ChainHealthSampler.runOnce} is called. */
  intervalMs: number;
  /** Samples older than this many hours are deleted, once per run. @default 168 (7 days) */
  retentionHours?: number;
  /** Which chains to sample. @default every active chain that has RPC endpoints */
  chainFilter?: SampleChainFilter;
  /** Where failures and leadership changes are reported. @default JSON lines on stderr */
  log?: (entry: SamplerLogEntry) => void;
  /** The clock. @default Date.now */
  now?: () => number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Samples every chain's health on an interval into the history `Chain.metrics` reads. Runs one at a time; on each
 * run the replica first checks that it leads (one leader across replicas), reads every chain through the shared
 * health reader, writes the fresh observations in one INSERT (skipping ones already stored), and prunes samples
 * older than the retention in one DELETE. A failed run is logged and recorded in {@link lastError}; the timer
 * carries on.
 *
 * Reading through the shared cache means sampling costs no RPC call while a chain's cached observation is fresh.
 * Past its freshness window the cache serves the cached observation once more (already stored, so not written
 * twice) while it refreshes it in the background, and the next run stores the refreshed one: every row carries
 * the time its observation was really made.
 */
export class ChainHealthSampler {
  /** When the last run started, or null before the first. */
  lastRunAt: Date | null = null;
  /** How long the last run took, in milliseconds. */
  lastDurationMs: number | null = null;
  /** Why the last run failed, or null when it succeeded. */
  lastError: Error | null = null;
  /** What the last successful run did. */
  lastResult: SampleRunResult | null = null;

  private readonly options: Required<Omit<ChainHealthSamplerOptions, 'chainFilter'>> & Pick<ChainHealthSamplerOptions, 'chainFilter'>;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The run in progress (or the last one); runs are chained so two never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private wasLeader = false;

  constructor({ retentionHours = 168, log = logJson, now = Date.now, ...rest }: ChainHealthSamplerOptions) {
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
    if (this.stopped) return Promise.reject(new Error('The chain health sampler is stopped.'));
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
      if (leader !== this.wasLeader) log({ level: 'info', msg: leader ? `This replica now leads chain health sampling (${leadership.name}).` : `This replica no longer leads chain health sampling (${leadership.name}).` });
      this.wasLeader = leader;
      const result = leader ? await this.sample(startedAt) : { leader, chainsRead: 0, samplesWritten: 0, chainsSkipped: 0, samplesPruned: 0 };
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
    const { chains, rpcEndpoints, reader, samples, chainFilter, retentionHours } = this.options;
    const candidates = (await chains.findActive()).filter((chain) => !chainFilter || chainFilter(chain));
    const endpoints = candidates.length === 0 ? [] : await rpcEndpoints.findByChainIds(candidates.map((chain) => chain.id));
    const targets = candidates.map((chain, index) => ({ chain, endpoints: endpoints[index] })).filter((target) => target.endpoints.length > 0);
    const reads = await Promise.all(targets.map(({ chain, endpoints }) => reader.read(chain, endpoints)));
    const fresh = reads.flatMap((read, index) => (read.stale || read.error ? [] : [toChainHealthSample(targets[index].chain.id, read.observedAt, read.snapshot)]));
    const samplesWritten = await samples.insertMany(fresh);
    const samplesPruned = await samples.deleteObservedBefore(new Date(startedAt - retentionHours * HOUR_MS));
    return { leader: true, chainsRead: targets.length, samplesWritten, chainsSkipped: targets.length - fresh.length, samplesPruned };
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
      this.options.log({ level: 'error', msg: 'Chain health sampling failed; the next run retries.', error: error instanceof Error ? error.message : String(error) });
    }
    if (!this.stopped) this.schedule(Math.max(0, this.options.intervalMs - (this.options.now() - startedAt)));
  }
}

function logJson(entry: SamplerLogEntry): void {
  console.error(JSON.stringify({ ...entry, service: 'chains' }));
}
