import { BaseError, ErrorCode, type FieldError } from './base-error';

/** The input is invalid; nothing was written. Carries one entry per offending field. */
export class BadUserInputError extends BaseError {
  override name = 'BadUserInputError';
  constructor(fieldErrors: FieldError[], { cause }: { cause?: unknown } = {}) {
    const summary =
      fieldErrors.length === 1
        ? `Invalid ${fieldErrors[0].field}: ${fieldErrors[0].message}`
        : `The input has ${fieldErrors.length} invalid fields: ${fieldErrors.map((e) => e.field).join(', ')}.`;
    super(summary, { code: ErrorCode.BAD_USER_INPUT, fieldErrors, cause });
  }
}

/** The addressed record does not exist (or is not visible to the caller). */
export class NotFoundError extends BaseError {
  override name = 'NotFoundError';
  constructor(entity: string, id: string) {
    super(`No ${entity} with id "${id}" exists.`, { code: ErrorCode.NOT_FOUND, details: { entity, id } });
  }
}

/** The request conflicts with the current state (for example, a change to an archived record). */
export class ConflictError extends BaseError {
  override name = 'ConflictError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { code: ErrorCode.CONFLICT, details });
  }
}

/** A dependency this request needs (another subgraph, an RPC node) did not answer. */
export class UpstreamUnavailableError extends BaseError {
  override name = 'UpstreamUnavailableError';
  constructor(upstream: string, { cause }: { cause?: unknown } = {}) {
    super(`${upstream} is unavailable right now; try again shortly.`, {
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      details: { upstream },
      cause,
    });
  }
}
