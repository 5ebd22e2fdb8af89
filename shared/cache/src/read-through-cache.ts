import type { CacheBackend, StoredEntry } from './cache-backend';
import { decodeValue, encodeValue } from './codec';

/** How long a value is good for, per read. */
export interface FreshnessPolicy {
  /** A value younger than this is served as it is. */
  freshMs: number;
  /** Past `freshMs` and up to `freshMs + revalidateMs`, the value is still served at once while one caller refreshes it in the background. @default freshMs */
  revalidateMs?: number;
  /** How long the last known value is kept, to be served (flagged stale) when loading fails. @default 1 hour */
  keepMs?: number;
  /** After a failed load, callers get the failure (or the last known value) without a new upstream call for this long. @default 2000 */
  negativeMs?: number;
  /** How long a loader may hold the single-flight lock; waiters load themselves after this. @default 10000 */
  lockMs?: number;
}

/** What a read returns: the value and how old it is. */
export interface CachedRead<T> {
  /** The value. */
  value: T;
  /** When the value was read from upstream. */
  observedAt: Date;
  /** True when the value is older than its freshness window because upstream could not be read. */
  stale: boolean;
  /** Why a fresh value could not be had, when `stale` is true. */
  error?: Error;
}

/** Thrown when loading failed (now, or within the negative-cache window) and no earlier value is kept. */
export class CacheLoadError extends Error {
  override name = 'CacheLoadError';
}

/** Counters of what the cache did, for metrics and benchmarks. */
export interface CacheStats {
  hits: number;
  revalidations: number;
  loads: number;
  loadFailures: number;
  negativeHits: number;
  staleServed: number;
}

/**
 * How one read was answered: `hit` (fresh), `revalidating` (served while one caller refreshes it), `miss` (loaded
 * from upstream, or from the replica that loaded it), `stale` (upstream failed; the last known value, flagged
 * stale) or `error` (upstream failed and nothing was kept).
 */
export type CacheReadOutcome = 'hit' | 'revalidating' | 'miss' | 'stale' | 'error';

/** Told the outcome of every read (metrics). Must not throw. */
export type CacheObserver = (outcome: CacheReadOutcome) => void;

/** Options of {@link ReadThroughCache}. */
export interface ReadThroughCacheOptions {
  /** Where entries and locks live. */
  backend: CacheBackend;
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number;
  /** How often a waiter looks for the value another replica is loading. @default 15 */
  pollMs?: number;
  /** Told the outcome of every read. @default none */
  observer?: CacheObserver;
}

/** What every view of one cache shares (see {@link ReadThroughCache.withObserver}). */
interface CacheCore {
  backend: CacheBackend;
  now: () => number;
  pollMs: number;
  stats: CacheStats;
  inFlight: Map<string, Promise<StoredEntry>>;
  /** The errors of this process's failed loads by key, so callers get the real cause, not only its message. */
  lastErrors: Map<string, Error>;
}

/**
 * A read-through cache for upstream reads (RPC calls): N concurrent identical reads make one upstream call —
 * within the process (shared promise) and across processes (backend lock); a recent value is served at once while
 * one caller revalidates it; failures are remembered briefly; and when upstream is down the last known value is
 * returned flagged `stale`, with the error.
 */
export class ReadThroughCache {
  private core: CacheCore;
  private readonly observer: CacheObserver | undefined;

  constructor({ backend, now = Date.now, pollMs = 15, observer }: ReadThroughCacheOptions) {
    this.core = {
      backend,
      now,
      pollMs,
      stats: { hits: 0, revalidations: 0, loads: 0, loadFailures: 0, negativeHits: 0, staleServed: 0 },
      inFlight: new Map(),
      lastErrors: new Map(),
    };
    this.observer = observer;
  }

  /** What the cache (all its views) has done since it was created. */
  get stats(): CacheStats {
    return this.core.stats;
  }

  /**
   * A view of this cache that tells `observer` the outcome of each of its reads: same entries, locks, in-flight
   * loads and {@link stats}. A host that shares one cache between services gives each service its own view, so each
   * counts its own reads.
   */
  withObserver(observer: CacheObserver): ReadThroughCache {
    const view = new ReadThroughCache({ backend: this.core.backend, observer });
    view.core = this.core;
    return view;
  }

  /** Resolves when the backend answers (Redis `PING`); rejects when it does not. For readiness checks. */
  async ping(): Promise<void> {
    await this.core.backend.ping?.();
  }

  /** Reads `key`, calling `load` only when the policy says the cached value will not do. */
  async read<T>(key: string, load: () => Promise<T>, policy: FreshnessPolicy): Promise<CachedRead<T>> {
    let answered: { read: CachedRead<T>; outcome: CacheReadOutcome };
    try {
      answered = await this.readOnce(key, load, policy);
    } catch (error) {
      this.observer?.('error');
      throw error;
    }
    this.observer?.(answered.outcome);
    return answered.read;
  }

  private async readOnce<T>(key: string, load: () => Promise<T>, policy: FreshnessPolicy): Promise<{ read: CachedRead<T>; outcome: CacheReadOutcome }> {
    const { freshMs, revalidateMs = freshMs, keepMs = 3_600_000, negativeMs = 2_000 } = policy;
    const { backend, stats } = this.core;
    const entry = await backend.get(key);
    const now = this.core.now();
    const age = entry?.value !== undefined ? now - entry.observedAt : Infinity;
    if (entry?.value !== undefined && age < freshMs) {
      stats.hits += 1;
      return { read: this.answer<T>(entry, false), outcome: 'hit' };
    }
    if (entry?.value !== undefined && age < freshMs + revalidateMs) {
      stats.revalidations += 1;
      this.refresh(key, load, policy).catch(() => undefined);
      return { read: this.answer<T>(entry, false), outcome: 'revalidating' };
    }
    if (entry?.failedAt !== undefined && now - entry.failedAt < negativeMs) {
      stats.negativeHits += 1;
      return { read: this.lastKnownOrThrow<T>(key, entry, keepMs), outcome: 'stale' };
    }
    const loaded = await this.refresh(key, load, policy);
    if (loaded.failedAt !== undefined && loaded.failedAt >= loaded.observedAt) {
      return { read: this.lastKnownOrThrow<T>(key, loaded, keepMs), outcome: 'stale' };
    }
    return { read: this.answer<T>(loaded, false), outcome: 'miss' };
  }

  /** Loads `key` once for every concurrent caller in this process, and once across processes sharing the backend. */
  private refresh<T>(key: string, load: () => Promise<T>, policy: FreshnessPolicy): Promise<StoredEntry> {
    const { inFlight } = this.core;
    const running = inFlight.get(key);
    if (running) return running;
    const flight = this.loadExclusively(key, load, policy).finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
    return flight;
  }

  private async loadExclusively<T>(key: string, load: () => Promise<T>, policy: FreshnessPolicy): Promise<StoredEntry> {
    const { keepMs = 3_600_000, lockMs = 10_000 } = policy;
    const { backend, stats, lastErrors, now, pollMs } = this.core;
    const startedAt = now();
    const storedSinceStart = (entry: StoredEntry | undefined): entry is StoredEntry => entry !== undefined && Math.max(entry.observedAt, entry.failedAt ?? 0) >= startedAt;
    let waited = false;
    let release = await backend.tryLock(key, lockMs);
    while (!release) {
      // Another replica is loading: take its result as soon as it is stored, or load ourselves if it gives up.
      waited = true;
      await sleep(pollMs);
      const entry = await backend.get(key);
      if (storedSinceStart(entry)) return entry;
      if (now() - startedAt > lockMs) break;
      release = await backend.tryLock(key, lockMs);
    }
    try {
      const previous = await backend.get(key);
      // The other replica may have stored its result and let the lock go between our last look and our taking it.
      if (waited && storedSinceStart(previous)) return previous;
      stats.loads += 1;
      let entry: StoredEntry;
      try {
        const value = await load();
        entry = { value: encodeValue(value), observedAt: now() };
        lastErrors.delete(key);
      } catch (error) {
        stats.loadFailures += 1;
        entry = {
          value: previous?.value,
          observedAt: previous?.observedAt ?? 0,
          failure: error instanceof Error ? error.message : String(error),
          failedAt: now(),
        };
        lastErrors.set(key, error instanceof Error ? error : new Error(String(error)));
      }
      await backend.set(key, entry, keepMs);
      return entry;
    } finally {
      await release?.();
    }
  }

  private answer<T>(entry: StoredEntry, stale: boolean, error?: Error): CachedRead<T> {
    return { value: decodeValue<T>(entry.value as string), observedAt: new Date(entry.observedAt), stale, ...(error ? { error } : {}) };
  }

  /** The last known value flagged stale with the failure, or the failure when nothing recent enough is kept. */
  private lastKnownOrThrow<T>(key: string, entry: StoredEntry, keepMs: number): CachedRead<T> {
    const local = this.core.lastErrors.get(key);
    // A failure recorded by another replica arrives as its message only.
    const error = local && local.message === entry.failure ? local : new CacheLoadError(entry.failure ?? 'The upstream read failed.');
    if (entry.value !== undefined && this.core.now() - entry.observedAt < keepMs) {
      this.core.stats.staleServed += 1;
      return this.answer<T>(entry, true, error);
    }
    throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
