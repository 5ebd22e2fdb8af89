/**
 * Where Automatic Persisted Queries are kept: the query text under its SHA-256 (lowercase hex). Neither method
 * rejects: a store that cannot answer reports a miss (the client then sends the query again) and drops a write.
 */
export interface ApqStore {
  /** The query stored under `sha256`, or undefined. */
  get(sha256: string): Promise<string | undefined>;
  /** Stores `query` under its `sha256` (the caller has checked that it is the query's hash). */
  set(sha256: string, query: string): Promise<void>;
}
