import { ErrorCode } from '@junction/errors';
import { OnchainError } from './onchain-error';

/** Parameters of {@link InvalidProbeError}. */
export interface InvalidProbeErrorParameters {
  /** Dotted path of the offending field, e.g. `probes.2.signature`. */
  field: string;
  /** What is wrong and what would be accepted, as a sentence. */
  message: string;
  /** The parse error, if one caused this. */
  cause?: unknown;
}

/** {@link InvalidProbeError}, by its `name`. */
export type InvalidProbeErrorType = InvalidProbeError & { name: 'InvalidProbeError' };

/**
 * An operator-defined contract probe cannot be run: its signature is not a human-readable `view`/`pure` function,
 * or its expectation does not fit the function's output. Code `BAD_USER_INPUT`, `kind` `'invalid-input'`, with
 * one field error.
 */
export class InvalidProbeError extends OnchainError {
  override name = 'InvalidProbeError';
  /** Dotted path of the offending field. */
  readonly field: string;

  constructor({ field, message, cause }: InvalidProbeErrorParameters) {
    super(`Invalid ${field}: ${message}`, {
      code: ErrorCode.BAD_USER_INPUT,
      kind: 'invalid-input',
      details: { Field: field },
      fieldErrors: [{ field, message }],
      cause,
    });
    this.field = field;
  }
}
