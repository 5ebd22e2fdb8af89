/**
 * The stable codes clients see in `extensions.code`. A client may branch on these; they never change meaning.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The caller already holds as many open subscriptions as its role may on this gateway; close one first (HTTP 429 over SSE). */
  SUBSCRIPTION_LIMIT_REACHED: 'SUBSCRIPTION_LIMIT_REACHED',
  /** The client left too many subscription results unread, so the gateway ended the subscription; subscribe again. */
  SUBSCRIBER_TOO_SLOW: 'SUBSCRIBER_TOO_SLOW',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The query is deeper, has more aliases or more tokens than the gateway accepts. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The query's estimated cost is over the caller's budget. */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** The request body is larger than the gateway accepts (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A GET or form request came without a header a browser cannot send cross-site unasked (HTTP 403). */
  CSRF_HEADER_REQUIRED: 'CSRF_HEADER_REQUIRED',
  /** A subgraph answered with an error that carried no code of its own. */
  SUBGRAPH_ERROR: 'SUBGRAPH_ERROR',
  /** The request itself is malformed (the runtime's own code for that, e.g. both a query and a documentId). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** No operation is registered (or, with APQ, stored) under the sent documentId or hash (HTTP 404). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The gateway does not store operations sent by hash (APQ is off); send the query text. */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Trusted documents are enforced: only registered operations run for this caller (HTTP 403). */
  PERSISTED_QUERY_ONLY: 'PERSISTED_QUERY_ONLY',
  /** The hash sent with a query is not that query's SHA-256 (HTTP 400). */
  PERSISTED_QUERY_MISMATCH: 'PERSISTED_QUERY_MISMATCH',
} as const;

/** One of {@link ErrorCode}'s values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem with one input field, reported to the client so a form can point at it. */
export interface FieldError {
  /** Dotted path of the input field, e.g. `input.chainId`. */
  field: string;
  /** What is wrong and what would be accepted, as a sentence. */
  message: string;
}

/** Options for {@link BaseError}. */
export interface BaseErrorParameters {
  /** The stable code clients see. */
  code: ErrorCode;
  /** Labelled context lines, shown in logs (not to clients). */
  details?: Record<string, unknown>;
  /** Field-level problems, sent to clients in `extensions.fieldErrors`. */
  fieldErrors?: FieldError[];
  /** The error that caused this one, kept for logs. */
  cause?: unknown;
}

/**
 * The one error class of Junction. `shortMessage` is a sentence a person can act on and is what clients see;
 * `details` and `cause` stay in the logs.
 */
export class BaseError extends Error {
  override name = 'BaseError';
  /** The stable code clients see in `extensions.code`. */
  readonly code: ErrorCode;
  /** The client-facing sentence. */
  readonly shortMessage: string;
  /** Context for logs. */
  readonly details: Record<string, unknown>;
  /** Field-level problems sent to clients. */
  readonly fieldErrors: FieldError[];

  constructor(shortMessage: string, { code, details = {}, fieldErrors = [], cause }: BaseErrorParameters) {
    const lines = Object.entries(details).map(([label, value]) => `${label}: ${String(value)}`);
    super([shortMessage, ...lines].join('\n'), cause === undefined ? undefined : { cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }
}
