import { BaseError as ViemBaseError, HttpRequestError, RpcError, RpcRequestError, TimeoutError } from 'viem';
import { scrubText } from '../utils/scrub-text';
import { scrubUrl } from '../utils/scrub-url';
import { OnchainError } from './onchain-error';

/**
 * How an RPC request failed: `timeout` (no answer in time), `unreachable` (no connection), `http-status` (an HTTP
 * error status such as 429 or 503), `rpc-error` (a JSON-RPC error object) or `unknown`.
 */
export type RpcFailure = 'timeout' | 'unreachable' | 'http-status' | 'rpc-error' | 'unknown';

/** Parameters of {@link RpcRequestFailedError}. */
export interface RpcRequestFailedErrorParameters {
  /** The error viem threw; kept as `cause`, its chain scrubbed of credentials. */
  cause: unknown;
  /** The action that failed, e.g. `getChainHead`. */
  operation: string;
  /**
   * The chain the request was for, when the client knows it.
   * @default null
   */
  chainId?: number | null;
}

/** {@link RpcRequestFailedError}, by its `name`. */
export type RpcRequestFailedErrorType = RpcRequestFailedError & { name: 'RpcRequestFailedError' };

/**
 * A JSON-RPC read failed after viem's retries and, for a fallback client, after every endpoint was tried. Wraps
 * the viem error with structured fields; the endpoint URL (`url`) is scrubbed of credentials, and so are the
 * message and the cause chain.
 */
export class RpcRequestFailedError extends OnchainError {
  override name = 'RpcRequestFailedError';
  /** The action that failed, e.g. `getChainHead`. */
  readonly operation: string;
  /** The chain the request was for, or `null` when the client has no chain. */
  readonly chainId: number | null;
  /** The endpoint that gave the final error, scrubbed of credentials; `null` when viem did not say. */
  readonly url: string | null;
  /** How the request failed. */
  readonly failure: RpcFailure;
  /** The HTTP status the endpoint answered with, if any. */
  readonly httpStatus: number | null;
  /** The JSON-RPC error code the node answered with, if any. */
  readonly rpcCode: number | null;

  constructor({ cause, operation, chainId = null }: RpcRequestFailedErrorParameters) {
    const { failure, httpStatus, rpcCode, url, reason } = describe(cause);
    const scrubbedUrl = url === null ? null : scrubUrl(url);
    const chain = chainId === null ? 'the chain' : `chain ${chainId}`;
    super(`${operation} on ${chain} failed: ${reason}.`, {
      details: {
        Operation: operation,
        'Chain id': chainId,
        URL: scrubbedUrl,
        Failure: failure,
        ...(httpStatus === null ? {} : { 'HTTP status': httpStatus }),
        ...(rpcCode === null ? {} : { 'JSON-RPC code': rpcCode }),
      },
      cause,
    });
    this.operation = operation;
    this.chainId = chainId;
    this.url = scrubbedUrl;
    this.failure = failure;
    this.httpStatus = httpStatus;
    this.rpcCode = rpcCode;
  }
}

interface FailureDescription {
  failure: RpcFailure;
  httpStatus: number | null;
  rpcCode: number | null;
  url: string | null;
  reason: string;
}

function describe(cause: unknown): FailureDescription {
  if (!(cause instanceof ViemBaseError)) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { failure: 'unknown', httpStatus: null, rpcCode: null, url: null, reason: scrubText(message) };
  }
  const find = <error>(type: abstract new (...args: never[]) => error) =>
    cause.walk((error) => error instanceof type) as error | null;
  const withUrl = cause.walk((error) => typeof (error as { url?: unknown } | null)?.url === 'string') as { url: string } | null;
  const url = withUrl?.url ?? null;

  const timeout = find(TimeoutError);
  const none = { httpStatus: null, rpcCode: null, url };
  if (timeout) return { ...none, failure: 'timeout', reason: 'the RPC endpoint did not answer in time' };

  const rpcRequest = find(RpcRequestError);
  const rpc = find(RpcError);
  const httpStatus = rpcRequest?.status ?? find(HttpRequestError)?.status ?? null;
  const rpcCode = rpc?.code ?? rpcRequest?.code ?? null;
  if (rpcCode !== null) {
    const detail = scrubText((rpc ?? rpcRequest)?.details || cause.shortMessage).replace(/\.$/, '');
    return { failure: 'rpc-error', httpStatus, rpcCode, url, reason: `the node answered JSON-RPC error ${rpcCode} (${detail})` };
  }
  if (httpStatus !== null) {
    return { ...none, httpStatus, failure: 'http-status', reason: `the RPC endpoint answered HTTP ${httpStatus}` };
  }
  if (find(HttpRequestError)) return { ...none, failure: 'unreachable', reason: 'the RPC endpoint could not be reached' };
  return { ...none, failure: 'unknown', reason: scrubText(cause.shortMessage).replace(/\.$/, '') };
}
