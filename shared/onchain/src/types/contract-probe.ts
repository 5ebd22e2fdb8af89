import type { Address } from 'viem';

/** The condition a probe's value must meet; every condition given must hold. */
export interface ProbeExpectation {
  /**
   * The value must equal this: numbers compare as integers, booleans also match `'true'`/`'false'`, hex strings
   * (addresses, bytes) compare case-insensitively.
   * @default undefined (no equality condition)
   */
  equals?: string | boolean | number | bigint;
  /**
   * The (integer) value must be at least this.
   * @default undefined (no lower bound)
   */
  min?: bigint | number | string;
  /**
   * The (integer) value must be at most this.
   * @default undefined (no upper bound)
   */
  max?: bigint | number | string;
}

/** An operator-defined contract read and what its result should be. */
export interface ContractProbe {
  /** The contract to call. */
  address: Address;
  /** The function, as a human-readable ABI item: `'function paused() view returns (bool)'`. */
  signature: string;
  /**
   * The function's arguments; integer arguments may be given as decimal strings.
   * @default []
   */
  args?: readonly unknown[];
  /**
   * What the result should be; without it a probe passes whenever the call succeeds.
   * @default {}
   */
  expect?: ProbeExpectation;
}

/** The outcome of one {@link ContractProbe}. */
export interface ProbeResult {
  /** What the function returned (an array for several outputs), or `null` when the call failed. */
  value: unknown;
  /** Whether the call succeeded and the value meets the expectation. */
  passed: boolean;
  /** Why it passed or failed, as a sentence. */
  reason: string;
}
