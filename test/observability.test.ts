import { createGateway } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { createLogger } from '@junction/observability';
import { graphqlRequest, principalHeaders, TEST_PRINCIPAL_SECRET } from '@junction/testing';
import type { AddressInfo } from 'node:net';
import { sampleValue, scrape } from './prometheus-text';
import { startTestStack, type TestStack } from './test-stack';

// The whole federation with the devnet, logging at info into memory, as `npm start` runs it.

/** Every JSON line the servers logged. */
const lines: Array<Record<string, any>> = [];
let testStack: TestStack;
let stack: Stack;

beforeAll(async () => {
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  testStack = await startTestStack({
    devnet: true,
    logger,
    sampler: { intervalMs: 0, chainFilter: (chain) => chain.slug.startsWith('junction-devnet-') },
    // These tests follow repeated queries down to the subgraphs' logs and metrics: no response cache in between.
    responseCache: { enabled: false },
  });
  stack = testStack.stack;
}, 90_000);

afterAll(async () => {
  await testStack?.close();
});

const CHAINS = `query ChainSlugs { chains(first: 2) { nodes { slug } } }`;
const HEALTH = `query Health { chain(slug: "junction-devnet-l2a") { health { status } } }`;

/** Polls `/readyz` of the gateway until it answers `status`. */
async function readinessBecomes(status: number, timeoutMs = 10_000): Promise<{ status: number; body: any }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(new URL('/readyz', stack.urls.gateway));
    const answer = { status: response.status, body: await response.json() };
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/metrics', () => {
  it('on the gateway: Prometheus text that counts requests by operation type and status, errors by code and subgraph, and subgraph fetches', async () => {
    const before = await scrape(stack.urls.gateway);
    expect(sampleValue(before, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect((await graphqlRequest(stack.urls.gateway, CHAINS)).errors).toBeUndefined();
    const refused = await graphqlRequest(stack.urls.gateway, `{ chains(first: 500) { nodes { slug } } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', subgraph: 'chains' });
    const after = await scrape(stack.urls.gateway);
    const delta = (name: string, labels: Record<string, string>) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('junction_http_requests_total', { service: 'gateway', operation_type: 'query', status: '200' })).toBe(2);
    expect(delta('junction_http_request_duration_seconds_count', { service: 'gateway', operation_type: 'query' })).toBe(2);
    expect(delta('junction_graphql_errors_total', { service: 'gateway', code: 'BAD_USER_INPUT', subgraph: 'chains' })).toBe(1);
    expect(delta('junction_subgraph_fetch_duration_seconds_count', { service: 'gateway', subgraph: 'chains' })).toBe(2);
    expect(sampleValue(after, 'junction_subgraph_fetch_duration_seconds_bucket', { subgraph: 'chains', le: '+Inf' })).toBeGreaterThanOrEqual(2);
  });

  it('on the gateway: errors of its own have an empty subgraph label', async () => {
    const before = await scrape(stack.urls.gateway);
    const invalid = await graphqlRequest(stack.urls.gateway, `{ noSuchField }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape(stack.urls.gateway);
    const labels = { code: 'GRAPHQL_VALIDATION_FAILED', subgraph: '' };
    expect(sampleValue(after, 'junction_graphql_errors_total', labels) - sampleValue(before, 'junction_graphql_errors_total', labels)).toBe(1);
    const counted = { operation_type: 'query', status: String(invalid.status) };
    expect(sampleValue(after, 'junction_http_requests_total', counted) - sampleValue(before, 'junction_http_requests_total', counted)).toBe(1);
    const unparsable = await graphqlRequest(stack.urls.gateway, `{ chains(`);
    const none = { operation_type: 'none', status: String(unparsable.status) };
    expect(sampleValue(await scrape(stack.urls.gateway), 'junction_http_requests_total', none) - sampleValue(after, 'junction_http_requests_total', none)).toBe(1);
  });

  it('on every subgraph: its own requests, labelled with its name, and its errors by code', async () => {
    for (const name of ['partners', 'chains', 'bridges', 'incidents'] as const) {
      // A request of its own first, so every subgraph has samples to label (the partners subgraph has none before).
      expect((await graphqlRequest(stack.urls[name], '{ __typename }', {}, principalHeaders())).errors).toBeUndefined();
      const samples = await scrape(stack.urls[name]);
      expect({ name, samples: samples.length > 0 }).toEqual({ name, samples: true });
      expect(samples.every((sample) => sample.labels.service === name)).toBe(true);
      // The process's metrics are the gateway's to report in the one-process layout.
      expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBe(0);
    }
    const before = await scrape(stack.urls.chains);
    await graphqlRequest(stack.urls.gateway, CHAINS);
    await graphqlRequest(stack.urls.gateway, `{ chains(first: 500) { nodes { slug } } }`);
    const after = await scrape(stack.urls.chains);
    const delta = (name: string, labels: Record<string, string>) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(delta('junction_http_requests_total', { service: 'chains', operation_type: 'query', status: '200' })).toBe(2);
    expect(delta('junction_http_request_duration_seconds_count', { service: 'chains', operation_type: 'query' })).toBe(2);
    expect(delta('junction_graphql_errors_total', { service: 'chains', code: 'BAD_USER_INPUT' })).toBe(1);
  });

  it('on chains: cache reads by outcome, RPC calls per chain and outcome, and the sampler lag', async () => {
    const before = await scrape(stack.urls.chains);
    expect((await graphqlRequest(stack.urls.gateway, HEALTH)).errors).toBeUndefined();
    expect((await graphqlRequest(stack.urls.gateway, HEALTH)).errors).toBeUndefined();
    await stack.services.chains.sampler!.runOnce();
    const after = await scrape(stack.urls.chains);
    const reads = (outcome: string) => sampleValue(after, 'junction_cache_reads_total', { outcome }) - sampleValue(before, 'junction_cache_reads_total', { outcome });
    expect(reads('miss') + reads('hit') + reads('revalidating')).toBeGreaterThanOrEqual(2);
    expect(reads('hit') + reads('revalidating')).toBeGreaterThanOrEqual(1);
    const calls = sampleValue(after, 'junction_rpc_calls_total', { chain_id: '900002', outcome: 'success' });
    expect(calls).toBeGreaterThan(0);
    expect(sampleValue(after, 'junction_rpc_calls_total', { chain_id: '900002', method: 'eth_chainId', outcome: 'success' })).toBeGreaterThan(0);
    const lag = sampleValue(after, 'junction_sampler_lag_seconds', { sampler: 'chain-health' });
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5);
    expect(sampleValue(after, 'junction_sampler_leader', { sampler: 'chain-health' })).toBe(1);
    // The bridges subgraph shares the cache but counts only its own reads.
    expect(sampleValue(await scrape(stack.urls.bridges), 'junction_cache_reads_total')).toBe(0);
  });

  it('needs no key and is not rate limited', async () => {
    const response = await fetch(new URL('/metrics', stack.urls.gateway), { headers: { authorization: 'Bearer not-a-key' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('request ids and JSON logs', () => {
  it('takes the caller\'s x-request-id, answers with it, and logs it on the gateway\'s line and on the subgraph\'s', async () => {
    const requestId = `obs-test-${Date.now()}`;
    const answer = await graphqlRequest(stack.urls.gateway, CHAINS, {}, { 'x-request-id': requestId });
    expect(answer.errors).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const mine = lines.filter((line) => line.requestId === requestId);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'info',
          service: 'gateway',
          msg: 'request',
          operationName: 'ChainSlugs',
          operationType: 'query',
          role: 'PUBLIC',
          keyId: null,
          status: 200,
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({ level: 'info', service: 'chains', msg: 'request', operationType: 'query', role: 'PUBLIC', status: 200 }),
      ]),
    );
    expect(typeof mine[0].time).toBe('string');
  });

  it('replaces an unsafe or overlong x-request-id with a new one, and makes one when there is none', async () => {
    for (const sent of ['has spaces and "quotes"', 'x'.repeat(129), undefined]) {
      const answer = await graphqlRequest(stack.urls.gateway, CHAINS, {}, sent === undefined ? {} : { 'x-request-id': sent });
      const received = answer.headers.get('x-request-id');
      expect(received).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(lines.some((line) => line.service === 'chains' && line.requestId === received)).toBe(true);
    }
  });

  it('logs one line per request on the gateway, with the error codes of the answer', async () => {
    const { errors, headers } = await graphqlRequest(stack.urls.gateway, `{ chains(first: 500) { nodes { id } } }`);
    expect(errors).toHaveLength(1);
    const requestId = headers.get('x-request-id');
    const gatewayLines = lines.filter((line) => line.requestId === requestId && line.service === 'gateway' && line.msg === 'request');
    expect(gatewayLines).toEqual([expect.objectContaining({ status: 200, operationType: 'query', errorCodes: ['BAD_USER_INPUT'] })]);
  });
});

describe('/readyz', () => {
  it('answers 503 while a subgraph is down, and 200 again once it is back; /healthz stays 200', async () => {
    expect(await readinessBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });
    const http = stack.services.incidents.server.http;
    const { port } = http.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
    try {
      expect(await readinessBecomes(503)).toEqual({ status: 503, body: { status: 'unavailable', failing: ['subgraph:incidents'] } });
      expect((await fetch(new URL('/healthz', stack.urls.gateway))).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', () => resolve()));
    }
    expect(await readinessBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('answers 503 naming Redis while the gateway\'s Redis does not answer', async () => {
    const gateway = createGateway({
      supergraphPath: require.resolve('../schema/supergraph.graphql'),
      subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
      principalSecret: TEST_PRINCIPAL_SECRET,
      logLevel: 'error',
      redisUrl: 'redis://127.0.0.1:1',
    });
    try {
      const url = await gateway.listen(0, '127.0.0.1');
      const response = await fetch(new URL('/readyz', url));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', failing: ['redis'] });
    } finally {
      await gateway.close();
    }
  });
});
