import { getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import type { Principal } from '@junction/federation/identity';
import type { Logger } from '@junction/observability';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { CloseCode, type ServerOptions } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { ApiKeyPrincipals } from '../identity/api-key-principals';
import { resolveCaller } from '../identity/resolve-caller';
import type { KeyLookupGate } from '../plugins/use-rate-limit';
import { connectionRequest } from './connection-request';

/** Parameters of {@link serveGraphQLWs}. */
export interface ServeGraphQLWsParameters {
  /** The gateway's HTTP server; WebSocket upgrades of `path` are taken from it. */
  http: Server;
  /** The runtime that serves every operation, with all of the gateway's plugins. */
  runtime: GatewayRuntime;
  /** Resolves the key a client connects with, once per connection. */
  principals: ApiKeyPrincipals;
  /** Charges a connection whose key needs a lookup to its address's lookup bucket, before the lookup (the rate limiter). */
  keyLookups: KeyLookupGate;
  /** Where unexpected errors are logged. */
  logger: Logger;
  /** The path WebSockets connect to. @default '/graphql' */
  path?: string;
  /** How long a client has to send `connection_init` after connecting. @default 3000 */
  connectionInitWaitTimeoutMs?: number;
  /** How often idle sockets are pinged (a socket that does not answer within as long is dropped). @default 12000 */
  keepAliveMs?: number;
  /** The largest message a client may send; a larger one closes the socket with 1009 (message too big). */
  maxMessageBytes: number;
}

/** The gateway's GraphQL over WebSocket endpoint. */
export interface GraphQLWsEndpoint {
  /** The `ws` server (its `clients` are the open connections); register it for draining. */
  webSocketServer: WebSocketServer;
  /** Closes every open connection with 1001 (going away) and stops taking upgrades. */
  close(): Promise<void>;
}

/**
 * GraphQL over WebSocket (the `graphql-transport-ws` protocol of graphql-ws, which Apollo Client, urql and Relay
 * speak) on the gateway's HTTP server. A client is authenticated once, when it sends `connection_init`: the key in
 * its connection parameters (`{ Authorization: 'Bearer jct_…' }`, or `x-api-key` / `apiKey`) must work, else the
 * socket is closed with 4403 (graphql-ws's Forbidden) and a sentence saying why (1013, try again later, when keys
 * cannot be checked right now; 4429 when its address has made too many lookups of unknown keys, as over HTTP);
 * without a key the client is the public. Every operation then runs through the
 * runtime with all of the gateway's plugins, as a POST to `/graphql` carrying that key would (trusted documents,
 * rate limits, query limits, authorization, the subscription cap); only the HTTP-level ones (CSRF, body size,
 * response headers) do not apply. An operation that is refused gets its error as a result; the socket stays open.
 */
export function serveGraphQLWs({
  http,
  runtime,
  principals,
  keyLookups,
  logger,
  path = '/graphql',
  connectionInitWaitTimeoutMs = 3000,
  keepAliveMs = 12_000,
  maxMessageBytes,
}: ServeGraphQLWsParameters): GraphQLWsEndpoint {
  const webSocketServer = new WebSocketServer({ server: http, path, maxPayload: maxMessageBytes });
  const runtimeOptions = getGraphQLWSOptions<Record<string, unknown>, Extra>(runtime, (ctx) => ({
    request: connectionRequest(ctx.extra.request, ctx.connectionParams),
    req: ctx.extra.request,
  }));
  const run = (operation: NonNullable<ServerOptions['execute']>) => async (args: ExecutionArgs) => {
    try {
      // The runtime loads the supergraph on its first HTTP request; a socket may come first.
      await runtime.getSchema();
      return await operation(args);
    } catch (error) {
      return { errors: [clientError(error, logger)] } satisfies ExecutionResult;
    }
  };
  const options: ServerOptions<Record<string, unknown>, Extra> = {
    ...runtimeOptions,
    execute: run(runtimeOptions.execute!),
    subscribe: run(runtimeOptions.subscribe!),
    connectionInitWaitTimeout: connectionInitWaitTimeoutMs,
    async onConnect(ctx) {
      const outcome = await authenticate(connectionRequest(ctx.extra.request, ctx.connectionParams), ctx.extra.request, principals, keyLookups);
      if ('refusal' in outcome) {
        ctx.extra.socket.close(outcome.closeCode, closeReason(outcome.refusal));
        return false;
      }
      await runtime.getSchema();
      return true;
    },
    // What goes over the socket is what goes over HTTP: no `extensions.http` (status and headers) in errors.
    onNext: (_ctx, _id, _payload, _args, result) => withoutHttpExtensions(result),
  };
  const server = useServer(options, webSocketServer, keepAliveMs);
  let closed: Promise<void> | undefined;
  return {
    webSocketServer,
    close: () => (closed ??= Promise.resolve(server.dispose())),
  };
}

/** The caller a connection presents, or why it is refused and with which close code. */
async function authenticate(
  request: Request,
  upgrade: IncomingMessage,
  principals: ApiKeyPrincipals,
  keyLookups: KeyLookupGate,
): Promise<{ principal: Principal } | { refusal: string; closeCode: number }> {
  const tooMany = await keyLookups.keyLookupRefusal(request, upgrade);
  // 4429 is graphql-ws's "too many requests" close code.
  if (tooMany) return { refusal: tooMany, closeCode: 4429 };
  const caller = await resolveCaller(request, principals);
  if ('principal' in caller) return caller;
  // 1013: try again later, when keys cannot be checked right now.
  return { refusal: caller.refusal, closeCode: caller.code === ErrorCode.UPSTREAM_UNAVAILABLE ? 1013 : CloseCode.Forbidden };
}

/** A WebSocket close reason is at most 123 bytes of UTF-8: `sentence`, shortened to fit when it must be. */
function closeReason(sentence: string): string {
  if (Buffer.byteLength(sentence) <= 123) return sentence;
  let reason = sentence;
  while (Buffer.byteLength(`${reason}…`) > 123) reason = reason.slice(0, -1);
  return `${reason}…`;
}

/** What a client may see of an error thrown while serving an operation: a GraphQL error as it is, anything else masked. */
function clientError(error: unknown, logger: Logger): GraphQLError {
  if (error instanceof GraphQLError) return error;
  logger.error({ err: error }, 'An operation on a WebSocket failed unexpectedly.');
  return new GraphQLError('Unexpected error.', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}

/** `result` with `extensions.http` removed from its errors (Yoga strips it from HTTP answers the same way). */
function withoutHttpExtensions(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors?.some((error) => error.extensions?.http !== undefined)) return undefined;
  const { errors, ...rest } = result;
  return {
    ...rest,
    errors: errors.map((error) => {
      const { http: _http, ...extensions } = error.extensions ?? {};
      return { ...error.toJSON(), extensions };
    }),
  };
}
