/** One dependency the gateway needs to be ready. */
export interface ReadinessDependency {
  /** Its name in the `/readyz` answer, e.g. `subgraph:chains` or `redis`. */
  name: string;
  /** Resolves when it answers; rejects (or times out) when it does not. */
  check(): Promise<void>;
}

/** What {@link DependencyReadiness.check} found. */
export interface ReadinessReport {
  /** True when every dependency answered. */
  ready: boolean;
  /** The names of those that did not. */
  failing: string[];
}

/** Options of {@link DependencyReadiness}. */
export interface DependencyReadinessOptions {
  /** What to check. */
  dependencies: readonly ReadinessDependency[];
  /** How long a report is reused, so frequent probes cost one round of checks. @default 2000 */
  cacheMs?: number;
  /** How long each check may take before it counts as failed. @default 1000 */
  timeoutMs?: number;
  /** The clock, in ms. @default Date.now */
  now?: () => number;
}

/**
 * Checks the gateway's dependencies (each subgraph's `/readyz`, Redis when configured) in parallel, each bounded by
 * `timeoutMs`; the report is reused for `cacheMs`, and concurrent probes share one round of checks.
 */
export class DependencyReadiness {
  private readonly dependencies: readonly ReadinessDependency[];
  private readonly cacheMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private last: { report: ReadinessReport; at: number } | undefined;
  private running: Promise<ReadinessReport> | undefined;

  constructor({ dependencies, cacheMs = 2000, timeoutMs = 1000, now = Date.now }: DependencyReadinessOptions) {
    this.dependencies = dependencies;
    this.cacheMs = cacheMs;
    this.timeoutMs = timeoutMs;
    this.now = now;
  }

  /** The current report: cached when recent, otherwise from a new round of checks. */
  check(): Promise<ReadinessReport> {
    if (this.last && this.now() - this.last.at < this.cacheMs) return Promise.resolve(this.last.report);
    this.running ??= this.checkAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async checkAll(): Promise<ReadinessReport> {
    const results = await Promise.all(this.dependencies.map((dependency) => this.answers(dependency)));
    const failing = this.dependencies.filter((_, index) => !results[index]).map((dependency) => dependency.name);
    const report = { ready: failing.length === 0, failing };
    this.last = { report, at: this.now() };
    return report;
  }

  private async answers(dependency: ReadinessDependency): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    try {
      return await Promise.race([dependency.check().then(() => true as const), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
