import { seedId } from '@junction/federation';
import { createGateway, type Gateway } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { createLogger } from '@junction/observability';
import { graphqlRequest, OPERATOR, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse } from '@junction/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// The response cache at the gateway (memory here; Redis shared by two gateways in the last test when REDIS_URL is
// set): answers by the caller's view, never errors or keys, invalidated by the mutations that change what it holds.

const A_ID = seedId('partner', 'offchain-labs');
const B_ID = seedId('partner', 'op-labs');
/** Short enough to watch it expire, long enough that the second of two requests in a row is a hit. */
const HEALTH_TTL_MS = 600;

let testStack: TestStack;
let stack: Stack;
let gateway: string;
const keys = {} as Record<'a' | 'a2' | 'aMetricsOnly' | 'b' | 'operator', string>;

beforeAll(async () => {
  testStack = await startTestStack({
    devnet: true,
    responseCache: { ttls: { 'Chain.health': HEALTH_TTL_MS } },
    rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } },
  });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  keys.a = (await createApiKey(stack, { name: 'partner A', role: 'PARTNER', partnerId: A_ID })).secret;
  keys.a2 = (await createApiKey(stack, { name: 'partner A, second key', role: 'PARTNER', partnerId: A_ID })).secret;
  keys.aMetricsOnly = (await createApiKey(stack, { name: 'partner A, metrics only', role: 'PARTNER', partnerId: A_ID, scopes: ['metrics:read'] })).secret;
  keys.b = (await createApiKey(stack, { name: 'partner B', role: 'PARTNER', partnerId: B_ID })).secret;
  keys.operator = (await createApiKey(stack, { name: 'on-call', role: 'OPERATOR' })).secret;
  // The gateway resolves each key once (SQL at the partners subgraph); the counts below are the cache's alone.
  for (const key of Object.values(keys)) await graphqlRequest(gateway, '{ __typename }', {}, bearer(key));
}, 60_000);

afterAll(() => testStack.close());

const cacheHeader = (response: GraphQLResponse) => response.headers.get('x-junction-cache');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQL statements of every subgraph, and subgraph requests of the gateway, since the last {@link resetCounters}. */
async function counters(): Promise<{ sql: number; subgraphRequests: number }> {
  const sql = Object.values(stack.services).reduce((sum, service) => sum + service.db.queries.count, 0);
  const fetches = await stack.gateway.metrics.subgraphFetchDuration.get();
  const subgraphRequests = fetches.values.filter((value) => value.metricName?.endsWith('_count')).reduce((sum, value) => sum + value.value, 0);
  return { sql, subgraphRequests: subgraphRequests - subgraphRequestsAtReset };
}
let subgraphRequestsAtReset = 0;
async function resetCounters(): Promise<void> {
  for (const service of Object.values(stack.services)) service.db.queries.reset();
  subgraphRequestsAtReset = 0;
  subgraphRequestsAtReset = (await counters()).subgraphRequests;
}

async function cacheMetric(name: 'responseCacheHits' | 'responseCacheMisses'): Promise<number> {
  return (await stack.gateway.metrics[name].get()).values.find((value) => value.labels.operation_type === 'query')?.value ?? 0;
}

/** Runs a mutation through the gateway as the operator; fails the test on any error. */
async function mutate(query: string, variables: Record<string, unknown>, url = gateway): Promise<any> {
  const response = await graphqlRequest(url, query, variables, bearer(keys.operator));
  expect(response.errors).toBeUndefined();
  expect(cacheHeader(response)).toBeNull();
  return response.data;
}

const CREATE_INCIDENT = `mutation ($chain: ID!, $title: String!) {
  createIncident(input: { title: $title, kind: OTHER, severity: SEV4, visibility: PUBLIC, chainIds: [$chain], summary: "Testing the response cache.", detectedBy: { source: PERSON, reporterName: "test" } }) { id }
}`;

describe('the response cache', () => {
  it('answers a repeated query from the cache: MISS, then HIT with no subgraph request and no SQL statement, both counted', async () => {
    const query = `{ chains(first: 5) { nodes { slug name kind } } }`;
    const [hitsBefore, missesBefore] = [await cacheMetric('responseCacheHits'), await cacheMetric('responseCacheMisses')];
    const first = await graphqlRequest(gateway, query);
    expect(first.errors).toBeUndefined();
    expect(cacheHeader(first)).toBe('MISS');

    await resetCounters();
    const second = await graphqlRequest(gateway, query);
    expect(cacheHeader(second)).toBe('HIT');
    expect(second.status).toBe(200);
    expect(second.data).toEqual(first.data);
    expect(await counters()).toEqual({ sql: 0, subgraphRequests: 0 });
    // Rate limits still count a hit.
    expect(second.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);

    expect(await cacheMetric('responseCacheHits')).toBe(hitsBefore + 1);
    expect(await cacheMetric('responseCacheMisses')).toBe(missesBefore + 1);
    const metrics = await (await fetch(new URL('/metrics', gateway))).text();
    expect(metrics).toMatch(/junction_response_cache_hits_total\{[^}]*operation_type="query"[^}]*\} [1-9]/);
  });

  it('shares answers between callers with the same view, and never between partners, scopes or with the public', async () => {
    const query = `query Private($id: ID!) { partner(id: $id) { name contacts { email } } }`;
    const asA = await graphqlRequest(gateway, query, { id: A_ID }, bearer(keys.a));
    expect(asA.errors).toBeUndefined();
    expect(asA.data.partner.contacts.length).toBeGreaterThan(0);
    expect(cacheHeader(asA)).toBe('MISS');

    // Another key of the same partner with the same scopes sees what A's key sees: it shares A's answer.
    await resetCounters();
    const asA2 = await graphqlRequest(gateway, query, { id: A_ID }, bearer(keys.a2));
    expect(cacheHeader(asA2)).toBe('HIT');
    expect(asA2.data).toEqual(asA.data);
    expect(await counters()).toEqual({ sql: 0, subgraphRequests: 0 });

    // Partner B, A's key with other scopes, and the public each get their own answer, never A's contacts.
    for (const [caller, headers] of [['B', bearer(keys.b)], ['A, other scopes', bearer(keys.aMetricsOnly)], ['public', {}]] as const) {
      const other = await graphqlRequest(gateway, query, { id: A_ID }, headers);
      expect({ caller, cache: cacheHeader(other) }).toEqual({ caller, cache: 'MISS' });
      if (caller !== 'A, other scopes') expect({ caller, contacts: other.data?.partner?.contacts ?? null }).toEqual({ caller, contacts: null });
    }
    const again = await graphqlRequest(gateway, query, { id: A_ID }, bearer(keys.b));
    expect(cacheHeader(again)).toBe('MISS'); // its answer had a FORBIDDEN error, so it was not kept
    expect(again.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(again.data.partner.contacts).toBeNull();

    // Every anonymous caller shares one view.
    const publicQuery = `{ partner(id: "${A_ID}") { name slug } }`;
    expect(cacheHeader(await graphqlRequest(gateway, publicQuery, {}, { 'x-forwarded-for': '198.51.100.7' }))).toBe('MISS');
    expect(cacheHeader(await graphqlRequest(gateway, publicQuery, {}, { 'x-forwarded-for': '198.51.100.8' }))).toBe('HIT');
    // A key that does not work is refused, never answered from the cache.
    const refused = await graphqlRequest(gateway, publicQuery, {}, bearer(`${keys.a.slice(0, -4)}zzzz`));
    expect(refused.status).toBe(401);
    expect(cacheHeader(refused)).toBeNull();
  });

  it('never keeps answers with errors, API keys, introspection or mutations', async () => {
    const uncached: Array<[string, string, Record<string, string>]> = [
      ['an error', `{ partner(id: "${B_ID}") { name agreements { id } } }`, bearer(keys.a)],
      ['API keys', `{ partner(id: "${A_ID}") { apiKeys { prefix } } }`, bearer(keys.a)],
      ['API keys', `{ apiKeys(first: 5) { nodes { prefix } } }`, bearer(keys.operator)],
      ['introspection', `{ __schema { queryType { name } } }`, {}],
      ['introspection', `{ __type(name: "Chain") { name } }`, {}],
    ];
    for (const [what, query, headers] of uncached) {
      const first = await graphqlRequest(gateway, query, {}, headers);
      const second = await graphqlRequest(gateway, query, {}, headers);
      expect({ what, query, first: cacheHeader(first), second: cacheHeader(second) }).toEqual({ what, query, first: 'MISS', second: 'MISS' });
    }
    const invalid = await graphqlRequest(gateway, `{ chains { nope } }`);
    expect(invalid.status).toBe(400);
    expect(cacheHeader(invalid)).toBeNull();
  });

  it('shows the incident a mutation creates in a cached empty list at once, drops it once resolved, and leaves unrelated answers cached', async () => {
    const chain = (await graphqlRequest(gateway, `{ chain(slug: "junction-devnet-l2b") { id } }`)).data.chain.id as string;
    const open = `query Open($id: ID!) { chain(id: $id) { name incidents(open: true) { title status } } }`;
    const partners = `{ partners(first: 3) { nodes { name } } }`;
    const before = await graphqlRequest(gateway, open, { id: chain });
    expect(before.data.chain.incidents).toEqual([]);
    await graphqlRequest(gateway, partners);
    expect(cacheHeader(await graphqlRequest(gateway, open, { id: chain }))).toBe('HIT');

    const created = await mutate(CREATE_INCIDENT, { chain, title: 'Cache test: sequencer stalled' });
    const after = await graphqlRequest(gateway, open, { id: chain });
    expect(cacheHeader(after)).toBe('MISS');
    expect(after.data.chain.incidents).toEqual([{ title: 'Cache test: sequencer stalled', status: 'INVESTIGATING' }]);
    expect(cacheHeader(await graphqlRequest(gateway, partners))).toBe('HIT');

    await mutate(`mutation ($id: ID!) { resolveIncident(id: $id, message: "Fixed.", authorName: "test") { status } }`, { id: created.createIncident.id });
    const resolved = await graphqlRequest(gateway, open, { id: chain });
    expect(cacheHeader(resolved)).toBe('MISS');
    expect(resolved.data.chain.incidents).toEqual([]);
  });

  it('shows a created chain in a cached chain list, and its changes wherever a chain is cached', async () => {
    const list = `{ chains(first: 100) { nodes { slug name } } }`;
    const count = `{ chains(first: 1) { pageInfo { hasNextPage } } }`;
    await graphqlRequest(gateway, list);
    await graphqlRequest(gateway, count);
    expect(cacheHeader(await graphqlRequest(gateway, list))).toBe('HIT');
    const slug = `cache-test-${randomBytes(3).toString('hex')}`;
    const { createChain } = await mutate(
      `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`,
      {
        input: {
          slug, name: 'Cache Test Chain', chainId: 990_000 + Math.floor(Math.random() * 9000), kind: 'L1', stack: 'ETHEREUM', daLayer: 'SELF',
          sequencerModel: 'PROOF_OF_STAKE', expectedBlockTimeMs: 2000, finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', status: 'TESTNET',
        },
      },
    );
    const after = await graphqlRequest(gateway, list);
    expect(cacheHeader(after)).toBe('MISS');
    expect(after.data.chains.nodes).toContainEqual({ slug, name: 'Cache Test Chain' });
    // An answer that holds no chain but depends on the list (a connection's pageInfo) is invalidated too.
    expect(cacheHeader(await graphqlRequest(gateway, count))).toBe('MISS');

    const one = `query One($id: ID!) { chain(id: $id) { name } }`;
    await graphqlRequest(gateway, one, { id: createChain.id });
    await mutate(`mutation ($id: ID!) { updateChain(id: $id, input: { name: "Cache Test Chain Renamed" }) { id } }`, { id: createChain.id });
    const renamed = await graphqlRequest(gateway, one, { id: createChain.id });
    expect(cacheHeader(renamed)).toBe('MISS');
    expect(renamed.data.chain.name).toBe('Cache Test Chain Renamed');
  });

  it('can be invalidated by type for changes that do not come through the gateway', async () => {
    // Incident events invalidate `Incident` on their own (see edge-cache-incident-events); a chain renamed straight at
    // its subgraph publishes nothing, so the gateway keeps its answer until told.
    const chain = (await graphqlRequest(gateway, `{ chain(slug: "junction-devnet-l1") { id } }`)).data.chain.id as string;
    const named = `query NameOfL1($id: ID!) { chain(id: $id) { name } }`;
    const original = (await graphqlRequest(gateway, named, { id: chain })).data.chain.name as string;
    const direct = await graphqlRequest(stack.urls.chains, `mutation ($id: ID!) { updateChain(id: $id, input: { name: "Renamed behind the gateway" }) { id } }`, { id: chain }, principalHeaders(OPERATOR));
    expect(direct.errors).toBeUndefined();
    const stale = await graphqlRequest(gateway, named, { id: chain });
    expect(cacheHeader(stale)).toBe('HIT');
    expect(stale.data.chain.name).toBe(original);

    await stack.gateway.responseCache.invalidate(['Chain']);
    const after = await graphqlRequest(gateway, named, { id: chain });
    expect(cacheHeader(after)).toBe('MISS');
    expect(after.data.chain.name).toBe('Renamed behind the gateway');
    await graphqlRequest(stack.urls.chains, `mutation ($id: ID!) { updateChain(id: $id, input: { name: ${JSON.stringify(original)} }) { id } }`, { id: chain }, principalHeaders(OPERATOR));
    await stack.gateway.responseCache.invalidate(['Chain']);
  });

  it('keeps live health only for its TTL', async () => {
    const health = `{ chain(slug: "junction-devnet-l2a") { health { status headNumber observedAt } } }`;
    const catalogue = `{ bridges(first: 3) { nodes { name provider } } }`;
    expect(cacheHeader(await graphqlRequest(gateway, catalogue))).toBe('MISS');
    const first = await graphqlRequest(gateway, health);
    expect(first.errors).toBeUndefined();
    expect(cacheHeader(first)).toBe('MISS');
    await resetCounters();
    expect(cacheHeader(await graphqlRequest(gateway, health))).toBe('HIT');
    expect((await counters()).subgraphRequests).toBe(0);
    await sleep(HEALTH_TTL_MS + 100);
    const expired = await graphqlRequest(gateway, health);
    expect(cacheHeader(expired)).toBe('MISS');
    expect((await counters()).subgraphRequests).toBeGreaterThan(0);
    // The catalogue is kept far longer.
    expect(cacheHeader(await graphqlRequest(gateway, catalogue))).toBe('HIT');
  });

  it('keeps an answer no longer than the max-age a subgraph sends', async () => {
    // A proxy in front of the chains subgraph that says its answers may be kept 0 seconds.
    const proxy = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const upstream = await fetch(stack.urls.chains, { method: 'POST', headers: request.headers as Record<string, string>, body: Buffer.concat(chunks) });
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'cache-control': 'public, max-age=0' });
        response.end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const viaProxy = createGateway({
      supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
      subgraphUrls: {
        partners: stack.urls.partners,
        chains: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`,
        bridges: stack.urls.bridges,
        incidents: stack.urls.incidents,
      },
      principalSecret: TEST_PRINCIPAL_SECRET,
      logLevel: 'error',
    });
    try {
      const url = await viaProxy.listen(0, '127.0.0.1');
      const twice = async (query: string) => [cacheHeader(await graphqlRequest(url, query)), cacheHeader(await graphqlRequest(url, query))];
      expect(await twice(`{ chains(first: 2) { nodes { slug } } }`)).toEqual(['MISS', 'MISS']);
      expect(await twice(`{ partners(first: 2) { nodes { slug } } }`)).toEqual(['MISS', 'HIT']);
    } finally {
      await viaProxy.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('computes every answer, and says so once on the gateway’s log, while its Redis cannot be reached', async () => {
    const logged: { level: string; msg: string }[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void logged.push(JSON.parse(line)) } });
    const unreachable = createGateway(
      {
        supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
        subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
        principalSecret: TEST_PRINCIPAL_SECRET,
        logLevel: 'error',
        redisUrl: 'redis://127.0.0.1:1',
      },
      { logger },
    );
    try {
      const url = await unreachable.listen(0, '127.0.0.1');
      const query = `{ bridges(first: 2) { nodes { name } } }`;
      const answers = [await graphqlRequest(url, query), await graphqlRequest(url, query)];
      expect(answers.map((answer) => [answer.status, answer.errors, cacheHeader(answer)])).toEqual([
        [200, undefined, 'MISS'],
        [200, undefined, 'MISS'],
      ]);
      await mutate(CREATE_INCIDENT, { chain: seedId('chain', 'base'), title: 'Cache test: Redis down' }, url);
      expect(logged.filter((line) => line.msg.startsWith('The response cache'))).toEqual([
        expect.objectContaining({ level: 'warn', msg: 'The response cache could not read Redis; answers are computed until it answers again.' }),
        expect.objectContaining({ level: 'error', msg: expect.stringMatching(/^The response cache could not record an invalidation of .*Incident.* in Redis; this replica serves nothing from the cache until it can\.$/) }),
      ]);
    } finally {
      await unreachable.close();
    }
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('shares answers and invalidations between gateways that share a Redis (REDIS_URL)', async () => {
    const prefix = `junction-test:${randomBytes(4).toString('hex')}:`;
    const redis = new Redis(redisUrl!);
    const gateways: Gateway[] = [];
    const start = async () => {
      const created = createGateway({
        supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
        subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
        principalSecret: TEST_PRINCIPAL_SECRET,
        logLevel: 'error',
        redisUrl,
        rateLimitKeyPrefix: `${prefix}ratelimit:`,
        responseCache: { keyPrefix: `${prefix}response-cache:` },
      });
      gateways.push(created);
      expect(created.responseCache.kind).toBe('redis');
      return created.listen(0, '127.0.0.1');
    };
    try {
      const [first, second] = [await start(), await start()];
      const chain = (await graphqlRequest(first, `{ chain(slug: "junction-devnet-l2b") { id } }`)).data.chain.id as string;
      const open = `query OpenShared($id: ID!) { chain(id: $id) { incidents(open: true) { title } } }`;
      const fromFirst = await graphqlRequest(first, open, { id: chain });
      expect(cacheHeader(fromFirst)).toBe('MISS');
      const fromSecond = await graphqlRequest(second, open, { id: chain });
      expect(cacheHeader(fromSecond)).toBe('HIT');
      expect(fromSecond.data).toEqual(fromFirst.data);

      await mutate(CREATE_INCIDENT, { chain, title: 'Cache test: seen by every replica' }, first);
      const after = await graphqlRequest(second, open, { id: chain });
      expect(cacheHeader(after)).toBe('MISS');
      expect(after.data.chain.incidents.map((incident: { title: string }) => incident.title)).toContain('Cache test: seen by every replica');
      expect((await redis.keys(`${prefix}response-cache:*`)).length).toBeGreaterThan(0);
    } finally {
      await Promise.all(gateways.map((created) => created.close()));
      const left = await redis.keys(`${prefix}*`);
      if (left.length > 0) await redis.del(...left);
      await redis.quit();
    }
  });
});
