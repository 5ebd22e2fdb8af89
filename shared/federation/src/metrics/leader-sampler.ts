import type { LeaderLock } from '@junction/db';

/** One line of a sampler's log. */
export interface SamplerLogEntry {
  /** `error` for a failed run, `info` for a change of leadership. */
  level: 'info' | 'error';
  /** What happened, in a sentence. */
  msg: string;
  /** The error's message, for failures. */
  error?: string;
}

/** What every sampler takes, besides what it samples. */
export interface LeaderSamplerOptions {
  /** Leadership among replicas: only the leader samples. The sampler releases it when it stops. */
  leadership: LeaderLock;
  /** Milliseconds from the start of one run to the start of the next; 0 runs only when `runOnce()` is called. */
  intervalMs: number;
  /** Samples older than this many hours are deleted, once per run. @default 168 (7 days) */
  retentionHours?: number;
  /** Where failures and leadership changes are reported. @default JSON lines on stderr */
  log?: (entry: SamplerLogEntry) => void;
  /** The clock. @default Date.now */
  now?: () => number;
}

/**
 * The schedule every health sampler shares: runs one at a time; on each run the replica first checks that it leads
 * (one leader across replicas) and only then calls {@link LeaderSampler.sample}; a failed run is logged and
 * recorded in {@link lastError} while the timer carries on; `stop()` waits for a run in progress and hands
 * leadership over.
 */
export abstract class LeaderSampler<Result extends { leader: boolean }> {
  /** When the last run started, or null before the first. */
  lastRunAt: Date | null = null;
  /** How long the last run took, in milliseconds. */
  lastDurationMs: number | null = null;
  /** Why the last run failed, or null when it succeeded. */
  lastError: Error | null = null;
  /** What the last successful run did. */
  lastResult: Result | null = null;
  /** When the last successful run (sampling as the leader, or idle as a follower) ended, or null before the first. */
  lastSucceededAt: Date | null = null;
  /** When the sampler was built: the lag of a sampler that never succeeded counts from here. */
  readonly createdAt: Date;

  protected readonly leadership: LeaderLock;
  protected readonly intervalMs: number;
  protected readonly retentionHours: number;
  protected readonly now: () => number;
  private readonly log: (entry: SamplerLogEntry) => void;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The run in progress (or the last one); runs are chained so two never overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private wasLeader = false;

  /**
   * @param what - What is sampled, for messages, e.g. `chain health`.
   * @param service - The service name on log lines.
   */
  constructor(
    private readonly what: string,
    service: string,
    { leadership, intervalMs, retentionHours = 168, log = (entry) => console.error(JSON.stringify({ ...entry, service })), now = Date.now }: LeaderSamplerOptions,
  ) {
    if (!(intervalMs >= 0)) throw new RangeError(`intervalMs must be 0 or more, got ${intervalMs}`);
    if (!(retentionHours > 0)) throw new RangeError(`retentionHours must be more than 0, got ${retentionHours}`);
    this.leadership = leadership;
    this.intervalMs = intervalMs;
    this.retentionHours = retentionHours;
    this.log = log;
    this.now = now;
    this.createdAt = new Date(now());
  }

  /** The name of what is sampled, e.g. `chain health`. */
  get subject(): string {
    return this.what;
  }

  /** Seconds since the last successful run (or since the sampler was built, before one): what `/metrics` reports as lag. */
  lagSeconds(): number {
    return (this.now() - (this.lastSucceededAt ?? this.createdAt).getTime()) / 1000;
  }

  /** One leader's run: read, store, prune. `startedAt` is when the run began (ms). */
  protected abstract sample(startedAt: number): Promise<Result>;

  /** What a run reports when another replica leads (nothing read or written). */
  protected abstract idleResult(): Result;

  /** True while this replica holds the sampling leadership (as of its last run). */
  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  /** The instant before which samples are pruned, for a run started at `startedAt`. */
  protected retentionCutoff(startedAt: number): Date {
    return new Date(startedAt - this.retentionHours * 60 * 60 * 1000);
  }

  /** Starts sampling every `intervalMs` (the first run one interval from now). No-op when `intervalMs` is 0. */
  start(): void {
    if (this.stopped || this.timer || this.intervalMs === 0) return;
    this.schedule(this.intervalMs);
  }

  /** Stops the timer, waits for a run in progress, and gives up leadership so another replica takes over. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
    await this.leadership.release();
  }

  /** Runs once now (after a run in progress, if any). Rejects when the run fails, after recording the failure. */
  runOnce(): Promise<Result> {
    if (this.stopped) return Promise.reject(new Error(`The ${this.what} sampler is stopped.`));
    const run = this.queue.then(() => this.run());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(): Promise<Result> {
    const startedAt = this.now();
    this.lastRunAt = new Date(startedAt);
    try {
      const leader = await this.leadership.tryAcquire();
      if (leader !== this.wasLeader) {
        const change = leader ? 'now leads' : 'no longer leads';
        this.log({ level: 'info', msg: `This replica ${change} ${this.what} sampling (${this.leadership.name}).` });
      }
      this.wasLeader = leader;
      const result = leader ? await this.sample(startedAt) : this.idleResult();
      this.lastResult = result;
      this.lastError = null;
      this.lastSucceededAt = new Date(this.now());
      return result;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      throw this.lastError;
    } finally {
      this.lastDurationMs = this.now() - startedAt;
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const startedAt = this.now();
    try {
      await this.runOnce();
    } catch (error) {
      const what = this.what.charAt(0).toUpperCase() + this.what.slice(1);
      this.log({ level: 'error', msg: `${what} sampling failed; the next run retries.`, error: error instanceof Error ? error.message : String(error) });
    }
    if (!this.stopped) this.schedule(Math.max(0, this.intervalMs - (this.now() - startedAt)));
  }
}
