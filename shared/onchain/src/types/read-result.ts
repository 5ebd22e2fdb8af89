/**
 * The outcome of one read in a batch where each read may fail on its own (a Multicall3 call with
 * `allowFailure`): the value, or why there is none.
 */
export type ReadResult<value> =
  | {
      /** The read succeeded. */
      ok: true;
      /** What was read. */
      value: value;
      /** Always `null` when `ok`. */
      error: null;
    }
  | {
      /** The read failed (reverted, no contract at the address). */
      ok: false;
      /** Always `null` when not `ok`. */
      value: null;
      /** Why, as a sentence without credentials. */
      error: string;
    };
