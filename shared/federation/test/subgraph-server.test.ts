import { createLogger } from '@junction/observability';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../src/subgraph-server';

// The subgraph server on its own: one JSON line per request with the request id, masked errors logged with their
// stack (never sent), /metrics, readiness, traces that continue the caller's, and a graceful close.

/** Lets a test hold `slow` open until it calls the release function. */
let releaseSlow: () => void = () => {};
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: { type: GraphQLString, resolve: () => 'world' },
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('kaboom: a bug, not a user error');
        },
      },
      slow: { type: GraphQLString, resolve: () => new Promise((resolve) => (releaseSlow = () => resolve('finally'))) },
    },
  }),
});

const lines: Array<Record<string, any>> = [];
const spans = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
let ready: () => Promise<void> = async () => {};
let server: SubgraphServer;
let url: string;

beforeAll(async () => {
  server = await createSubgraphServer({
    name: 'testgraph',
    schema,
    context: () => ({ principal: { role: 'OPERATOR', keyId: 'key-1' } }),
    ready: () => ready(),
    observability: {
      logger: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }),
      tracer: provider.getTracer('test'),
      drainTimeoutMs: 5000,
    },
  });
  url = await server.listen(0);
});

afterAll(async () => {
  await server.close();
  await provider.shutdown();
});

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('subgraph server observability', () => {
  it('echoes the request id and logs one line for the request with operation, role, key id, status and duration', async () => {
    const response = await post('query Greeting { hello }', { 'x-request-id': 'gw-123' });
    expect(response.headers.get('x-request-id')).toBe('gw-123');
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((line) => line.requestId === 'gw-123')).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'testgraph',
        msg: 'request',
        operationName: 'Greeting',
        operationType: 'query',
        role: 'OPERATOR',
        keyId: 'key-1',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('masks an unexpected error for the client and logs it with its stack and request id', async () => {
    const response = await post('{ boom }', { 'x-request-id': 'gw-boom' });
    const body = await response.json();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(body)).not.toContain('kaboom');
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines.filter((line) => line.requestId === 'gw-boom');
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'error', err: expect.objectContaining({ message: 'kaboom: a bug, not a user error', stack: expect.stringContaining('subgraph-server.test.ts') }) }),
        expect.objectContaining({ msg: 'request', errorCodes: ['INTERNAL_SERVER_ERROR'] }),
      ]),
    );
  });

  it('serves /metrics that count requests and errors by code', async () => {
    const text = await (await fetch(new URL('/metrics', url))).text();
    expect(text).toContain('junction_http_requests_total{operation_type="query",status="200",service="testgraph"} 2');
    expect(text).toContain('junction_graphql_errors_total{code="INTERNAL_SERVER_ERROR",service="testgraph"} 1');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('continues the caller\'s trace: a server span under the caller\'s span, and the operation under it', async () => {
    spans.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await post('query Traced { hello }', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    await new Promise((resolve) => setImmediate(resolve));
    const finished = spans.getFinishedSpans();
    const serverSpan = finished.find((span) => span.name === 'POST /graphql')!;
    const operationSpan = finished.find((span) => span.name === 'graphql.query Traced')!;
    expect(serverSpan.spanContext().traceId).toBe(traceId);
    expect(serverSpan.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(operationSpan.spanContext().traceId).toBe(traceId);
    expect(operationSpan.parentSpanContext?.spanId).toBe(serverSpan.spanContext().spanId);
  });

  it('answers /readyz 503 with the reason when a dependency is down', async () => {
    ready = async () => {
      throw new Error('database is down');
    };
    const down = await fetch(new URL('/readyz', url));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', subgraph: 'testgraph', reason: 'database is down' });
    ready = async () => {};
    expect((await fetch(new URL('/readyz', url))).status).toBe(200);
  });

  it('on close, answers the request in flight, refuses new connections and reports draining', async () => {
    const slow = post('{ slow }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    await expect(fetch(new URL('/readyz', url))).rejects.toThrow();
    releaseSlow();
    expect(await (await slow).json()).toEqual({ data: { slow: 'finally' } });
    await closing;
  });
});
