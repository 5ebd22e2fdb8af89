import { formatError } from '@junction/errors';
import { GraphQLError, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Parameters of {@link createSubscriptionHandler}. */
export interface SubscriptionHandlerParameters<Context extends object> {
  /** The federated schema, whose `Subscription` fields return async iterables. */
  schema: GraphQLSchema;
  /**
   * Builds the subscription's context once, when it starts; a `GraphQLError` with a code refuses the request
   * with that code and the HTTP status in its `extensions.http.status` (400 without one), as the subgraph
   * server's `buildContext` throws them for POST requests too.
   */
  context: (request: IncomingMessage) => Promise<Context> | Context;
  /** Receives errors masked from the client, with the request of their stream. */
  onMasked: (error: unknown, request: IncomingMessage) => void;
}

/** Serves subscriptions over server-sent events and ends the open streams on shutdown. */
export interface SubscriptionHandler {
  /** Serves one `Accept: text/event-stream` request (the body not yet read). */
  serve(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** How many event streams are open. */
  readonly open: number;
  /** Ends every open stream (their subscriptions stop); new ones are still accepted until the server closes. */
  endAll(): void;
}

/**
 * Subscriptions at a subgraph, over GraphQL over SSE in "distinct connections" mode (graphql-sse): one POST per
 * subscription, answered with `event: next` messages and a final `event: complete` — what the gateway's HTTP
 * transport speaks for subscription operations. The caller is verified once, when the stream opens; errors in
 * results are masked exactly like those of queries.
 */
export function createSubscriptionHandler<Context extends object>({ schema, context, onMasked }: SubscriptionHandlerParameters<Context>): SubscriptionHandler {
  const contexts = new WeakMap<IncomingMessage, Context>();
  const streams = new Set<ServerResponse>();
  const handle = createHandler<Record<string, unknown>>({
    schema,
    // Marked like Apollo marks them, so they reach the client instead of being masked.
    validate: (...args) =>
      validate(...args).map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
    async onConnect(request) {
      try {
        contexts.set(request.raw, await context(request.raw));
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
        return [body, { status: refusal.status, statusText: refusal.code, headers: { 'content-type': 'application/json' } }];
      }
    },
    context: (request) => contexts.get(request.raw) as unknown as Record<string, unknown>,
    onNext: (_context, request, result) => maskErrors(result as ExecutionResult, (error) => onMasked(error, request.raw)),
  });
  return {
    async serve(request, response) {
      streams.add(response);
      response.once('close', () => streams.delete(response));
      await handle(request, response);
    },
    get open() {
      return streams.size;
    },
    endAll() {
      for (const response of streams) response.end();
    },
  };
}

/** The code, sentence and HTTP status of an error that refuses a caller; undefined for anything else (masked). */
function refusalOf(error: unknown): { code: string; message: string; status: number } | undefined {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') return undefined;
  // Apollo's convention, which `buildContext` follows: `extensions.http.status` carries the response status.
  const http = error.extensions.http as { status?: number } | undefined;
  return { code: error.extensions.code, message: error.message, status: http?.status ?? 400 };
}

/** The result with each error as clients may see it: a stable code and sentence, or masked. */
function maskErrors(result: ExecutionResult, onMasked: (error: unknown) => void): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, { onMasked })) as unknown as ExecutionResult['errors'] };
}
