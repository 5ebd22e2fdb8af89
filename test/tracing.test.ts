import { graphqlRequest } from '@junction/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestStack, type TestStack } from './test-stack';

// OTLP/HTTP export of the whole federation's traces, received by a collector stand-in in this process: the gateway
// traces the request, the operation and each subgraph fetch; the subgraphs continue the trace (W3C traceparent).

/** An OTLP/HTTP span as the JSON encoding has it (the fields the test reads). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** Every span received, with the `service.name` of its resource. */
const received: Array<OtlpSpan & { service: string }> = [];
let collector: Server;
let testStack: TestStack | undefined;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces' && request.headers['content-type']?.startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = resourceSpans.resource.attributes.find((attribute: { key: string }) => attribute.key === 'service.name')?.value.stringValue;
          for (const scopeSpans of resourceSpans.scopeSpans) for (const span of scopeSpans.spans) received.push({ ...span, service });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
  const { port } = collector.address() as AddressInfo;
  testStack = await startTestStack({ otlpEndpoint: `http://127.0.0.1:${port}` });
}, 60_000);

afterAll(async () => {
  await testStack?.close();
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

it('exports the gateway\'s request, operation and subgraph fetch spans, and the subgraphs\' spans in the same trace', async () => {
  const { stack } = testStack!;
  const answer = await graphqlRequest(stack.urls.gateway, `query ChainOwners { chains(first: 1) { nodes { slug owners { component } } } }`, {}, { 'x-request-id': 'traced-1' });
  expect(answer.errors).toBeUndefined();
  // Closing the stack flushes every server's spans to the collector.
  await testStack!.close();
  testStack = undefined;

  const request = received.find((span) => span.service === 'junction-gateway' && span.name === 'POST /graphql' && span.attributes.some((a) => a.value.stringValue === 'traced-1'))!;
  expect(request).toBeDefined();
  expect(request.kind).toBe(2); // SERVER
  const trace = received.filter((span) => span.traceId === request.traceId);
  const operation = trace.find((span) => span.name === 'graphql.query ChainOwners')!;
  expect(operation.parentSpanId).toBe(request.spanId);
  const fetches = trace.filter((span) => span.service === 'junction-gateway' && span.name.startsWith('subgraph '));
  expect(fetches.map((span) => span.name).sort()).toEqual(['subgraph chains', 'subgraph partners']);
  for (const fetchSpan of fetches) {
    expect(fetchSpan.kind).toBe(3); // CLIENT
    expect(fetchSpan.parentSpanId).toBe(operation.spanId);
    const subgraph = fetchSpan.name.slice('subgraph '.length);
    const served = trace.find((span) => span.service === `junction-${subgraph}` && span.name === 'POST /graphql')!;
    expect(served.parentSpanId).toBe(fetchSpan.spanId);
    expect(trace.some((span) => span.service === `junction-${subgraph}` && span.name.startsWith('graphql.query') && span.parentSpanId === served.spanId)).toBe(true);
  }
});
