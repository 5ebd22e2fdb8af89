import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { isAsyncIterable } from '@graphql-tools/utils';
import { ErrorCode } from '@junction/errors';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** Where the runtime names the subgraph of an error: `subgraph` as configured here, `serviceName` for timeouts. */
const SUBGRAPH_NAME_EXTENSIONS = ['subgraph', 'serviceName'] as const;

/** Codes the runtime's transport gives a subgraph that did not answer properly (refused, timed out, not GraphQL). */
const TRANSPORT_FAILURE_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'GATEWAY_TIMEOUT', 'TIMEOUT_ERROR', 'RESPONSE_VALIDATION_FAILED']);

/** Extensions of a subgraph's own errors that describe the gateway's request, not the error: never passed on. */
const TRANSPORT_EXTENSIONS = new Set(['serviceName', 'request', 'response', 'http']);

/**
 * Errors that name the failing subgraph while the rest of the answer still comes. Every error a subgraph caused
 * carries `extensions.subgraph` (the runtime's `subgraphErrors` names it):
 * - a subgraph that could not be reached, timed out or did not answer GraphQL gives `UPSTREAM_UNAVAILABLE` and a
 *   sentence naming it, with no URL, request body or stack (those go to the log, at warn);
 * - a subgraph's own error keeps its message, code (`SUBGRAPH_ERROR` when it had none) and `fieldErrors`.
 * The fields that subgraph serves are null (as far as nullability lets them be); data from the others stays, and an
 * answer the failure left with no data at all says `data: null`, as GraphQL promises for an operation it executed.
 * Runs before the runtime masks errors, which would otherwise turn unreachable subgraphs into "Unexpected error.".
 */
export function useSubgraphErrors(): GatewayPlugin {
  return {
    onExecute({ args }) {
      const rewrite = rewriter(args.contextValue);
      return {
        onExecuteDone({ result, setResult }) {
          if (!isAsyncIterable(result)) return rewrite(result, setResult);
          return { onNext: ({ result: next, setResult: setNext }) => rewrite(next, setNext) };
        },
      };
    },
    // A subscription whose subgraph stream breaks fails its iterator with the subgraph's error: that error becomes
    // the subscription's last result (rewritten as above), where it would otherwise be masked as "Unexpected error.".
    onSubscribe({ args }) {
      const rewrite = rewriter(args.contextValue);
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return rewrite(result, setResult);
          setResult(endingOnSubgraphFailure(result, (error) => {
            let last: ExecutionResult = { data: null, errors: [error] };
            rewrite(last, (rewritten) => (last = rewritten));
            return last;
          }));
          return { onNext: ({ result: next, setResult: setNext }) => rewrite(next, setNext) };
        },
      };
    },
  };
}

/** Rewrites the subgraph errors of one result (see {@link useSubgraphErrors}), logging unavailable subgraphs to the request's log. */
function rewriter(contextValue: unknown): (result: ExecutionResult, setResult: (result: ExecutionResult) => void) => void {
  const log = (contextValue as { log?: { warn(attributes: object, message: string): void } }).log;
  return (result, setResult) => {
    if (!result.errors?.some(subgraphOf)) return;
    setResult({
      ...result,
      data: result.data ?? null,
      errors: result.errors.map((error) => {
        const subgraph = subgraphOf(error);
        if (!subgraph) return error;
        if (isTransportFailure(error)) {
          log?.warn({ subgraph, path: error.path, cause: error.message }, 'Subgraph unavailable');
          return located(error, unavailableMessage(subgraph, error), { code: ErrorCode.UPSTREAM_UNAVAILABLE, subgraph });
        }
        const kept = Object.fromEntries(Object.entries(error.extensions).filter(([name]) => !TRANSPORT_EXTENSIONS.has(name)));
        return located(error, error.message, { ...kept, code: typeof kept.code === 'string' ? kept.code : ErrorCode.SUBGRAPH_ERROR, subgraph });
      }),
    });
  };
}

/**
 * `source`, except that when it fails with an error naming a subgraph it yields `last(error)` and then completes.
 * `return` and `throw` go straight to `source`, so a consumer stopping the stream is never delayed.
 */
function endingOnSubgraphFailure(source: AsyncIterable<ExecutionResult>, last: (error: GraphQLError) => ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let failed = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (failed) return { done: true, value: undefined };
      try {
        return await iterator.next();
      } catch (error) {
        if (!(error instanceof GraphQLError) || !subgraphOf(error)) throw error;
        failed = true;
        return { done: false, value: last(error) };
      }
    },
    return: (value?: unknown) => (iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value: undefined })),
    throw: (error?: unknown) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
  };
}

function subgraphOf(error: GraphQLError): string | undefined {
  for (const name of SUBGRAPH_NAME_EXTENSIONS) {
    const value = error.extensions?.[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** True for errors the gateway made up about a subgraph (not in its answer): they wrap a non-GraphQL error or carry a transport code. */
function isTransportFailure(error: GraphQLError): boolean {
  if (TRANSPORT_FAILURE_CODES.has(String(error.extensions.code))) return true;
  for (let cause: unknown = error.originalError; cause != null; cause = (cause as GraphQLError).originalError) {
    if (!(cause instanceof GraphQLError)) return true;
  }
  return false;
}

function unavailableMessage(subgraph: string, error: GraphQLError): string {
  const timedOut = ['GATEWAY_TIMEOUT', 'TIMEOUT_ERROR'].includes(String(error.extensions.code));
  return `The ${subgraph} service ${timedOut ? 'did not answer in time' : 'is unavailable right now'}, so the fields it serves are missing from this answer; try again shortly.`;
}

function located(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}
