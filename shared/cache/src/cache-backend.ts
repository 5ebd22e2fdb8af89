/** What a backend stores for a key: the value (encoded) and when it was observed, or a recent failure. */
export interface StoredEntry {
  /** The encoded value (see `encodeValue`); absent for a failure record. */
  value?: string;
  /** When the value was loaded, in ms since the epoch. */
  observedAt: number;
  /** The message of the last failure, when the last load failed. */
  failure?: string;
  /** When the last load failed, in ms since the epoch. */
  failedAt?: number;
}

/**
 * Where the read-through cache keeps entries and its single-flight locks: process memory, or Redis so that every
 * replica shares entries and one replica loads while the others wait.
 */
export interface CacheBackend {
  /** The entry for `key`, or undefined. */
  get(key: string): Promise<StoredEntry | undefined>;
  /** Stores `entry` for `ttlMs` milliseconds. */
  set(key: string, entry: StoredEntry, ttlMs: number): Promise<void>;
  /** Tries to take the load lock for `key` for `ttlMs`; returns a release function, or undefined when another holder has it. */
  tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
  /** Resolves when the backend's store answers (Redis `PING`); absent for process memory, which always does. */
  ping?(): Promise<void>;
  /** Closes connections the backend opened. */
  close(): Promise<void>;
}
