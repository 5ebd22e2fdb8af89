import { BaseError, ErrorCode, type FieldError } from '@junction/errors';
import { scrubErrorChain } from '../utils/scrub-error-chain';
import { scrubText } from '../utils/scrub-text';

/**
 * What went wrong, for a caller that maps errors to a status: `unavailable` (the chain or its endpoints did not
 * answer), `misconfigured` (they answered, but not what the registry says: wrong chain id, no contract at the
 * address) or `invalid-input` (the caller's request cannot be run).
 */
export type OnchainErrorKind = 'unavailable' | 'misconfigured' | 'invalid-input';

/** Options for {@link OnchainError}. */
export interface OnchainErrorParameters {
  /**
   * The stable code clients see.
   * @default 'UPSTREAM_UNAVAILABLE'
   */
  code?: ErrorCode;
  /**
   * What went wrong, for callers that map errors to a status.
   * @default 'unavailable'
   */
  kind?: OnchainErrorKind;
  /**
   * Labelled context lines for the logs. String values are scrubbed of credentials; `null` and `undefined` ones
   * are left out.
   * @default {}
   */
  details?: Record<string, unknown>;
  /**
   * Field-level problems sent to clients.
   * @default []
   */
  fieldErrors?: FieldError[];
  /** The error that caused this one. Its whole `cause` chain is scrubbed of credentials in place. */
  cause?: unknown;
}

/** Any {@link OnchainError}, by its `name`. */
export type OnchainErrorType = OnchainError & { name: 'OnchainError' };

/**
 * The base class of every error `@junction/onchain` throws. It is a {@link BaseError} (code
 * `UPSTREAM_UNAVAILABLE` unless a subclass says otherwise) whose message, details and cause chain never carry an
 * RPC credential: URLs in them go through {@link scrubUrl}.
 */
export class OnchainError extends BaseError {
  override name = 'OnchainError';
  /** What went wrong, for callers that map errors to a status. */
  readonly kind: OnchainErrorKind;

  constructor(
    shortMessage: string,
    {
      code = ErrorCode.UPSTREAM_UNAVAILABLE,
      kind = 'unavailable',
      details = {},
      fieldErrors = [],
      cause,
    }: OnchainErrorParameters = {},
  ) {
    const scrubbedDetails = Object.fromEntries(
      Object.entries(details)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([label, value]) => [label, typeof value === 'string' ? scrubText(value) : value]),
    );
    super(scrubText(shortMessage), {
      code,
      details: scrubbedDetails,
      fieldErrors,
      cause: cause === undefined ? undefined : scrubErrorChain(cause),
    });
    this.kind = kind;
  }
}
