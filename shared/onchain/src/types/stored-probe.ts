/**
 * A contract probe as a service stores it (`bridge_probe`, `chain_probe`): the checksummed address, the function
 * as a human-readable ABI item, JSON arguments, and its expectation as text (booleans `true`/`false`, integers in
 * decimal), null where not set. {@link checkProbeInput} makes one from an operator's input;
 * {@link evaluateStoredProbes} runs them.
 */
export interface StoredProbe {
  /** The contract to call, EIP-55 checksummed. */
  address: string;
  /** The function, as a human-readable ABI item: `function paused() view returns (bool)`. */
  signature: string;
  /** The function's arguments, as JSON values (integers may be decimal strings). */
  args: unknown[];
  /** The value must equal this; null for no such condition. */
  expectEquals: string | null;
  /** The integer value must be at least this (decimal); null for no lower bound. */
  expectMin: string | null;
  /** The integer value must be at most this (decimal); null for no upper bound. */
  expectMax: string | null;
}

/** The outcome of one {@link StoredProbe}, its value as text (plain JSON, fit for a cache). */
export interface StoredProbeResult {
  /** The call succeeded and its value met the expectation. */
  passed: boolean;
  /** What the function returned, as text (integers in decimal, tuples as JSON); null when it was not called or failed. */
  value: string | null;
  /** Why it passed or failed, as a sentence. */
  reason: string;
}
