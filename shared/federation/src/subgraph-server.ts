import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { BaseError, formatError } from '@junction/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The largest request body a subgraph reads. */
const MAX_BODY_BYTES = 1_000_000;

/** Appends the errors resolvers reported beside data they still returned (see `reportPartialFailure`). */
const partialFailuresPlugin: ApolloServerPlugin<BaseContext & { partialFailures?: GraphQLFormattedError[] }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const reported = contextValue.partialFailures ?? [];
        if (reported.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...reported];
      },
    };
  },
};

/** HTTP statuses for errors raised before execution (while building the context). */
const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/** Parameters of {@link createSubgraphServer}. */
export interface SubgraphServerParameters<Context extends BaseContext> {
  /** The subgraph's name, used in logs and health answers. */
  name: string;
  /** The federated schema. */
  schema: GraphQLSchema;
  /** Builds the per-request context (fresh dataloaders, for example). */
  context: (request: IncomingMessage) => Promise<Context> | Context;
  /** Answers readiness: resolves when the subgraph's dependencies (its database) answer. */
  ready: () => Promise<void>;
  /** Receives errors that were masked from the client. @default console.error */
  onMaskedError?: (error: unknown) => void;
}

/** A subgraph's HTTP server: `/graphql`, `/healthz`, `/readyz`. Built without listening. */
export interface SubgraphServer {
  /** The Apollo Server instance (tests may call `executeOperation`). */
  apollo: ApolloServer<BaseContext>;
  /** The node HTTP server (not yet listening). */
  http: Server;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, stops Apollo. */
  close(): Promise<void>;
}

/**
 * Builds the HTTP server of a subgraph around Apollo Server. Errors reach clients only as `BaseError`s with
 * their stable code; anything else is masked and logged.
 */
export async function createSubgraphServer<Context extends BaseContext>({
  name,
  schema,
  context,
  ready,
  onMaskedError = (error) => console.error(`[${name}]`, error),
}: SubgraphServerParameters<Context>): Promise<SubgraphServer> {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), partialFailuresPlugin],
    formatError: (formatted, error) => formatError(formatted, error, { onMasked: onMaskedError }),
  });
  await apollo.start();

  const http = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      onMaskedError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });
  http.keepAliveTimeout = 65_000;

  async function buildContext(request: IncomingMessage): Promise<Context> {
    try {
      return await context(request);
    } catch (error) {
      if (!(error instanceof BaseError)) throw error;
      // Apollo answers a failed context with HTTP 500 unless told otherwise; a refused caller is a 401/403.
      const status = HTTP_STATUS[error.code] ?? 400;
      throw new GraphQLError(error.shortMessage, { extensions: { code: error.code, http: { status } } });
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok', subgraph: name });
    if (url.pathname === '/readyz') {
      try {
        await ready();
        return sendJson(response, 200, { status: 'ready', subgraph: name });
      } catch (error) {
        return sendJson(response, 503, { status: 'unavailable', subgraph: name, reason: (error as Error).message });
      }
    }
    if (url.pathname !== '/graphql') return sendJson(response, 404, { error: `No route ${url.pathname}; use /graphql.` });
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    if (body instanceof Error) return sendJson(response, 400, { errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => buildContext(request),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  return {
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    http,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          resolve(`http://${host}:${address.port}/graphql`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return new Error(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return new Error('The request body is empty; send a JSON object with a query.');
  try {
    return JSON.parse(text);
  } catch {
    return new Error('The request body is not valid JSON.');
  }
}
