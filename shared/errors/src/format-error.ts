import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BaseError, ErrorCode } from './base-error';

/** Codes of request-level problems (raised by GraphQL itself, or by us before execution); safe to show as they are. */
const REQUEST_LEVEL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
]);

/** Parameters of {@link formatError}. */
export interface FormatErrorParameters {
  /** Called with every error that is masked, so it reaches the logs with its stack. */
  onMasked?: (error: unknown) => void;
}

/**
 * Turns any error raised while serving a request into what a client may see: a {@link BaseError} keeps its
 * sentence, code and field errors; a request-level GraphQL error keeps its message; anything else is masked as
 * `INTERNAL_SERVER_ERROR` with no stack trace.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { onMasked }: FormatErrorParameters = {},
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = findBaseError(original);
  if (base) {
    const extensions: Record<string, unknown> = { code: base.code };
    if (base.fieldErrors.length > 0) extensions.fieldErrors = base.fieldErrors;
    return { message: base.shortMessage, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  // Parse, validation and variable-coercion errors carry no path: they describe the request, not our code.
  const aboutTheRequest = error instanceof GraphQLError && error.path === undefined;
  if (typeof code === 'string' && REQUEST_LEVEL_CODES.has(code) && aboutTheRequest) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  onMasked?.(original);
  return {
    message: 'Something went wrong on our side; the error has been logged.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function findBaseError(error: unknown): BaseError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof BaseError) return current;
    current = current.cause;
  }
  return undefined;
}
