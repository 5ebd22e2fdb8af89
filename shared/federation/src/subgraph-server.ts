import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { BaseError, formatError } from '@junction/errors';
import {
  createLogger,
  drainHttpServer,
  extractTraceContext,
  processMetricsRegistry,
  renderMetrics,
  REQUEST_ID_HEADER,
  requestIdFor,
} from '@junction/observability';
import { SpanKind } from '@opentelemetry/api';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finishRequest, recordOperations, type RequestRecord } from './observability/request-record';
import { SubgraphMetrics } from './observability/subgraph-metrics';
import { createSubscriptionHandler } from './subscription-handler';
import type { SubgraphObservability } from './observability/subgraph-observability';

/** The largest request body a subgraph reads. */
const MAX_BODY_BYTES = 1_000_000;

/** How long a readiness check may take before it counts as failed. */
const READY_TIMEOUT_MS = 2000;

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

/** Where a request's context carries its {@link RequestRecord}. */
const RECORD = Symbol('junction.requestRecord');

type RecordedContext = { [RECORD]?: RequestRecord };

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
  /** Answers readiness: resolves when the subgraph's dependencies (its database, its Redis) answer. */
  ready: () => Promise<void>;
  /** Receives errors that were masked from the client. @default logged at `error` with their stack and the request id */
  onMaskedError?: (error: unknown) => void;
  /** The subgraph's metrics, which the service may add to. @default new metrics labelled `service=name` */
  metrics?: SubgraphMetrics;
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A subgraph's HTTP server: `/graphql`, `/healthz`, `/readyz`, `/metrics`. Built without listening. */
export interface SubgraphServer {
  /** The Apollo Server instance (tests may call `executeOperation`). */
  apollo: ApolloServer<BaseContext>;
  /** The node HTTP server (not yet listening). */
  http: Server;
  /** The metrics `/metrics` reports. */
  metrics: SubgraphMetrics;
  /** How many subscription event streams are open. */
  readonly openSubscriptions: number;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Stops gracefully: `/readyz` answers 503 from now on, no new connection is accepted, in-flight requests finish
   * (up to the drain timeout), then Apollo stops.
   */
  close(): Promise<void>;
}

/**
 * Builds the HTTP server of a subgraph around Apollo Server. Errors reach clients only as `BaseError`s with
 * their stable code; anything else is masked and logged with its stack. Every `/graphql` request takes the
 * gateway's `x-request-id` (or gets one), echoes it, is counted in `/metrics`, logged as one JSON line, and traced
 * under the caller's `traceparent` when a tracer is given.
 */
export async function createSubgraphServer<Context extends BaseContext>({
  name,
  schema,
  context,
  ready,
  onMaskedError,
  metrics = new SubgraphMetrics(name),
  observability = {},
}: SubgraphServerParameters<Context>): Promise<SubgraphServer> {
  const { metricsEndpoint = true, processMetrics = true, tracer, drainTimeoutMs = 10_000 } = observability;
  const log = (observability.logger ?? createLogger({ level: 'warn' })).child({ service: name });
  // Each request's record, found by its request or on its context (under a symbol, which Apollo's copy of the
  // context keeps): passed along rather than kept in an AsyncLocalStorage, whose promise hooks would cost every
  // promise in the process.
  const records = new WeakMap<IncomingMessage, RequestRecord>();
  const onMasked = (error: unknown, record: RequestRecord | undefined) =>
    onMaskedError ? onMaskedError(error) : (record?.log ?? log).error({ err: error }, 'Error masked from the client');
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The host owns shutdown (drain first, then stop); Apollo's own handler would stop at once and re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), partialFailuresPlugin, recordOperations({ recordOf: (context) => (context as RecordedContext)[RECORD], tracer, onMasked })],
    // Masked errors are logged by recordOperations, which knows their request.
    formatError,
  });
  await apollo.start();
  let draining = false;

  const http = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      onMasked(error, records.get(request));
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });
  http.keepAliveTimeout = 65_000;

  async function buildContext(request: IncomingMessage): Promise<Context> {
    const record = records.get(request);
    try {
      const built = await context(request);
      if (record) {
        record.principal = (built as { principal?: RequestRecord['principal'] }).principal;
        (built as RecordedContext)[RECORD] = record;
      }
      return built;
    } catch (error) {
      if (!(error instanceof BaseError)) {
        onMasked(error, record);
        throw error;
      }
      record?.errorCodes.push(error.code);
      // Apollo answers a failed context with HTTP 500 unless told otherwise; a refused caller is a 401/403.
      const status = HTTP_STATUS[error.code] ?? 400;
      throw new GraphQLError(error.shortMessage, { extensions: { code: error.code, http: { status } } });
    }
  }

  const subscriptions = createSubscriptionHandler({ schema, context: (request) => buildContext(request), onMasked: (error, request) => onMasked(error, records.get(request)) });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok', subgraph: name });
    if (url.pathname === '/readyz') {
      if (draining) return sendJson(response, 503, { status: 'draining', subgraph: name });
      try {
        await withTimeout(ready(), READY_TIMEOUT_MS);
        return sendJson(response, 200, { status: 'ready', subgraph: name });
      } catch (error) {
        return sendJson(response, 503, { status: 'unavailable', subgraph: name, reason: (error as Error).message });
      }
    }
    if (url.pathname === '/metrics' && metricsEndpoint) {
      const { contentType, body } = await renderMetrics(processMetrics ? [metrics.registry, processMetricsRegistry()] : [metrics.registry]);
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
      return;
    }
    if (url.pathname !== '/graphql') return sendJson(response, 404, { error: `No route ${url.pathname}; use /graphql.` });
    const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const record: RequestRecord = { requestId, startedAt: performance.now(), log: log.child({ requestId }), errorCodes: [] };
    if (tracer) {
      record.span = tracer.startSpan(
        `${request.method ?? 'GET'} /graphql`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': '/graphql', 'junction.request_id': requestId } },
        extractTraceContext(request.headers),
      );
    }
    response.once('close', () => finishRequest(record, response.statusCode, metrics));
    records.set(request, record);
    await serveGraphQL(request, response, url);
  }

  async function serveGraphQL(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.headers.accept === 'text/event-stream') return subscriptions.serve(request, response);
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
    metrics,
    get openSubscriptions() {
      return subscriptions.open;
    },
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
      draining = true;
      // Subscriptions never finish on their own: end them, so the drain waits only for requests.
      subscriptions.endAll();
      const { drained } = await drainHttpServer(http, { timeoutMs: drainTimeoutMs });
      if (!drained) log.warn({ drainTimeoutMs }, 'Requests still in flight after the drain timeout were cut.');
      await apollo.stop();
    },
  };
}

/** Rejects when `promise` has not settled within `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
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
