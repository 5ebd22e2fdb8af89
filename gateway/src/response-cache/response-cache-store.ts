import type { ExecutionResult } from 'graphql';

/** What a lookup in a {@link ResponseCacheStore} found. */
export interface ResponseCacheLookup {
  /** The kept answer, when there is one that nothing has invalidated since it was computed. */
  result?: ExecutionResult;
  /**
   * The store's invalidation clock at the lookup: an answer computed after the lookup may be kept with it. Undefined
   * when the store cannot say right now (Redis not answering); such an answer is then not kept.
   */
  clock?: number;
}

/** One answer to keep. */
export interface ResponseCacheEntry {
  /** The answer (its `data`; errors are never kept). */
  result: ExecutionResult;
  /** The clock of the lookup that preceded computing it ({@link ResponseCacheLookup.clock}). */
  clock: number;
  /** The types it depends on; an invalidation of any of them after `clock` makes it stale. */
  dependsOn: readonly string[];
}

/**
 * Where the response cache keeps answers, with invalidation by type: `invalidate` advances a clock and stamps each
 * type with it; a kept answer is served only while none of the types it depends on has a stamp later than the clock
 * it was computed at. An answer computed while a mutation ran is therefore never served after that mutation's
 * invalidation, even when it is stored after it.
 */
export interface ResponseCacheStore {
  /** Where answers live: this process's memory, or Redis shared by the replicas. */
  readonly kind: 'memory' | 'redis';
  /** The answer kept under `key`, if it is still valid, and the clock now. Never throws. */
  lookup(key: string): Promise<ResponseCacheLookup>;
  /** Keeps `entry` under `key` for `ttlMs`. Never throws. */
  store(key: string, entry: ResponseCacheEntry, ttlMs: number): Promise<void>;
  /** Makes every answer depending on one of `types` stale, here and (with Redis) on every replica. Never throws. */
  invalidate(types: readonly string[]): Promise<void>;
}
