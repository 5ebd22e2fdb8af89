export { BaseError, ErrorCode, type BaseErrorParameters, type FieldError } from './base-error';
export { BadUserInputError, ConflictError, NotFoundError, UpstreamUnavailableError } from './errors';
export { formatError, type FormatErrorParameters } from './format-error';
