import { createServer, type ChainsService, type SampleChainFilter, type SamplerLogEntry } from '@junction/chains';
import { startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { seedId } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse, type TestStore } from '@junction/testing';

// Health history: the sampler stores what the devnet's chains report, and Chain.metrics serves it in buckets.

let devnet: Devnet;
let testStore: TestStore;
let schema: string;
let service: ChainsService;
let url: string;
const logs: SamplerLogEntry[] = [];
/** Never the seeded real networks: their endpoints are on the public internet, and there is none here. */
const devnetOnly: SampleChainFilter = (chain) => chain.slug.startsWith('devnet-');
const ids: Partial<Record<DevnetChainName, string>> = {};
let quietChainId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createChain(serviceUrl: string, input: Record<string, unknown>): Promise<string> {
  const created = await graphqlRequest(serviceUrl, `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
    input: {
      kind: 'OPTIMISTIC_ROLLUP', stack: 'OP_STACK', settlementChainId: seedId('chain', 'ethereum'), daLayer: 'ETHEREUM_BLOBS',
      sequencerModel: 'CENTRALIZED', finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', expectedBlockTimeMs: 2000, ...input,
    },
  }, principalHeaders(OPERATOR));
  expect(created.errors).toBeUndefined();
  return created.data.createChain.id as string;
}

/** Puts a devnet chain in the catalogue at `serviceUrl` with both of its endpoints. */
async function registerDevnetChain(serviceUrl: string, name: DevnetChainName): Promise<string> {
  const chain = devnet.chains[name];
  const id = await createChain(serviceUrl, { slug: `devnet-${name}`, name: `Devnet ${name}`, chainId: chain.chainId, expectedBlockTimeMs: chain.blockTimeSeconds * 1000 });
  for (const [index, endpoint] of chain.endpoints.entries()) {
    const added = await graphqlRequest(
      serviceUrl,
      `mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`,
      { id, input: { label: index === 0 ? 'primary' : 'secondary', url: endpoint.url, priority: index + 1 } },
      principalHeaders(OPERATOR),
    );
    expect(added.errors).toBeUndefined();
  }
  return id;
}

interface SampleRow {
  chainId: string;
  observedAt: string;
  status: string;
  headAgeSeconds?: number | null;
}

/** Test setup: writes samples straight into the history table (the code under test only reads them). */
async function insertSamples(rows: SampleRow[]): Promise<void> {
  const values = rows.map((_, index) => `($${index * 4 + 1}::uuid, $${index * 4 + 2}::timestamptz, $${index * 4 + 3}, $${index * 4 + 4}::double precision, 1, 1)`);
  await service.db.dataSource.query(
    `INSERT INTO "${schema}".chain_health_sample (chain_id, observed_at, status, head_age_seconds, reachable_endpoints, endpoint_count) VALUES ${values.join(', ')}`,
    rows.flatMap((row) => [row.chainId, row.observedAt, row.status, row.headAgeSeconds ?? null]),
  );
}

async function sampleRows(chainId: string, inSchema = schema) {
  return (await service.db.dataSource.query(
    `SELECT observed_at AS "observedAt", status, head_number AS "headNumber", head_age_seconds AS "headAgeSeconds", safe_lag_blocks AS "safeLagBlocks",
            finalized_lag_blocks AS "finalizedLagBlocks", gas_price_gwei AS "gasPriceGwei", rpc_latency_ms AS "rpcLatencyMs",
            reachable_endpoints AS "reachableEndpoints", endpoint_count AS "endpointCount"
       FROM "${inSchema}".chain_health_sample WHERE chain_id = $1 ORDER BY observed_at`,
    [chainId],
  )) as Array<Record<string, any>>;
}

const METRICS = `query ($id: ID!, $metric: ChainMetric!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: MetricBucket!) {
  chain(id: $id) { metrics(metric: $metric, from: $from, to: $to, bucket: $bucket) { unit bucket from to points { bucketStart avg min max p95 count } } }
}`;

function metrics(variables: { id: string; metric: string; from: Date | string; to: Date | string; bucket: string }): Promise<GraphQLResponse> {
  const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);
  return graphqlRequest(url, METRICS, { ...variables, from: iso(variables.from), to: iso(variables.to) }, principalHeaders(OPERATOR));
}

beforeAll(async () => {
  devnet = await startDevnet();
  testStore = await openTestStore();
  schema = testStore.schema('chains');
  service = await createServer({
    store: testStore.store,
    dbSchema: schema,
    seed: true,
    principalSecret: TEST_PRINCIPAL_SECRET,
    sampler: { intervalMs: 0, chainFilter: devnetOnly, log: (entry) => logs.push(entry) },
  });
  url = await service.server.listen(0);
  ids.l1 = await registerDevnetChain(url, 'l1');
  ids.l2a = await registerDevnetChain(url, 'l2a');
  quietChainId = await createChain(url, { slug: 'quiet-rollup', name: 'Quiet Rollup', chainId: 990_101 }); // no endpoints: never sampled
}, 60_000);

afterAll(async () => {
  await service?.close();
  await testStore?.close();
  await devnet?.close();
});

describe('the chain health sampler on the devnet', () => {
  it('stores one row per fresh observation of each devnet chain, never the same observation twice', async () => {
    const sampler = service.sampler!;
    expect(await sampler.runOnce()).toEqual({ leader: true, chainsRead: 2, samplesWritten: 2, chainsSkipped: 0, samplesPruned: 0 });
    // At once again: the cache serves the same observations, which are stored already.
    expect(await sampler.runOnce()).toMatchObject({ leader: true, chainsRead: 2, samplesWritten: 0 });
    await sleep(2_200); // past the freshness window of both chains (one block: 2 s on l1, 1 s on l2a)
    // Stale-while-revalidate: this run gets the cached observations once more while the cache refreshes them in the
    // background; a run after the refresh gets the new ones.
    expect(await sampler.runOnce()).toMatchObject({ leader: true, chainsRead: 2, samplesWritten: 0 });
    let written = 0;
    for (const deadline = Date.now() + 3_000; written < 2 && Date.now() < deadline; await sleep(100)) written += (await sampler.runOnce()).samplesWritten;
    expect(written).toBe(2);

    for (const name of ['l1', 'l2a'] as const) {
      const rows = await sampleRows(ids[name]!);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'HEALTHY', reachableEndpoints: 2, endpointCount: 2 });
        expect(row.headAgeSeconds).toBeGreaterThanOrEqual(0);
        expect(row.gasPriceGwei).toBeGreaterThan(0);
        expect(row.rpcLatencyMs).toBeGreaterThan(0);
        expect(row.safeLagBlocks).toBe(Math.min(32, Number(row.headNumber)));
        expect(row.finalizedLagBlocks).toBe(Math.min(64, Number(row.headNumber)));
      }
      expect(new Date(rows[1].observedAt).getTime()).toBeGreaterThan(new Date(rows[0].observedAt).getTime());
      expect(Number(rows[1].headNumber)).toBeGreaterThan(Number(rows[0].headNumber));
    }
    const seeded = await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".chain_health_sample WHERE chain_id <> ALL($1::uuid[])`, [[ids.l1, ids.l2a]]);
    expect(seeded).toEqual([{ n: 0 }]); // the real networks were never read
    expect(sampler.lastError).toBeNull();
    expect(sampler.lastRunAt).toBeInstanceOf(Date);
    expect(sampler.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(sampler.isLeader).toBe(true);
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
  }, 30_000);

  it('costs no RPC call for a chain whose cached health is fresh', async () => {
    // Read until the cached observation is one just made (so no refresh is in flight and it stays fresh a while).
    const read = () => graphqlRequest(url, `query ($id: ID!) { chain(id: $id) { health { status ageSeconds } } }`, { id: ids.l1 }, principalHeaders());
    let health = (await read()).data.chain.health;
    while (health.ageSeconds > 0.5) {
      await sleep(100);
      health = (await read()).data.chain.health;
    }
    expect(health.status).toBe('HEALTHY');
    const proxies = devnet.chains.l1.endpoints;
    for (const proxy of proxies) proxy.reset();
    await service.sampler!.runOnce();
    expect(proxies.map((proxy) => Object.values(proxy.calls()).reduce((sum, calls) => sum + calls, 0))).toEqual([0, 0]);
  });

  it('serves what it stored as a metric series', async () => {
    const now = Date.now();
    const { data, errors } = await metrics({ id: ids.l2a!, metric: 'REACHABLE_ENDPOINTS', from: new Date(now - 10 * 60_000), to: new Date(now + 60_000), bucket: 'FIFTEEN_MINUTES' });
    expect(errors).toBeUndefined();
    const { points } = data.chain.metrics;
    expect(points.reduce((sum: number, point: { count: number }) => sum + point.count, 0)).toBe((await sampleRows(ids.l2a!)).length);
    for (const point of points) expect(point).toMatchObject({ avg: 2, min: 2, max: 2, p95: 2 });
  });

  it('prunes samples older than the retention (168 hours by default) on each run', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await insertSamples([
      { chainId: quietChainId, observedAt: hoursAgo(200), status: 'HEALTHY', headAgeSeconds: 1 },
      { chainId: quietChainId, observedAt: hoursAgo(169), status: 'HEALTHY', headAgeSeconds: 1 },
      { chainId: quietChainId, observedAt: hoursAgo(167), status: 'HEALTHY', headAgeSeconds: 1 },
    ]);
    expect(await service.sampler!.runOnce()).toMatchObject({ leader: true, samplesPruned: 2 });
    const left = await sampleRows(quietChainId);
    expect(left).toHaveLength(1);
    expect(new Date(left[0].observedAt).getTime()).toBeGreaterThan(Date.now() - 168 * 3_600_000);
    await service.db.dataSource.query(`DELETE FROM "${schema}".chain_health_sample WHERE chain_id = $1`, [quietChainId]);
  });
});

describe('Chain.metrics', () => {
  // Two hours ago, on a whole hour: every bucket width divides it, so buckets start exactly here.
  const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
  const at = (seconds: number) => new Date(t0 + seconds * 1000);

  beforeAll(async () => {
    const sample = (seconds: number, status: string, headAgeSeconds: number | null) => ({ chainId: quietChainId, observedAt: at(seconds).toISOString(), status, headAgeSeconds });
    await insertSamples([
      sample(-1, 'HALTED', 999), // before from: left out
      sample(0, 'HEALTHY', 1),
      sample(15, 'HEALTHY', 2),
      sample(30, 'DEGRADED', 3),
      sample(45, 'HALTED', 10),
      sample(60, 'HEALTHY', 4),
      sample(75, 'MISCONFIGURED', null), // no head age: counts for HEALTHY_SHARE only
      // nothing in the third minute: no point for it
      sample(200, 'HEALTHY', 0.5),
      sample(300, 'HALTED', 999), // at `to`: left out (the range is half-open)
    ]);
  });

  it('aggregates each bucket in PostgreSQL: avg, min, max, p95, count; empty buckets left out; oldest first', async () => {
    const { data, errors } = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0), to: at(300), bucket: 'ONE_MINUTE' });
    expect(errors).toBeUndefined();
    const series = data.chain.metrics;
    expect(series).toMatchObject({ unit: 'seconds', bucket: 'ONE_MINUTE', from: at(0).toISOString(), to: at(300).toISOString() });
    expect(series.points).toEqual([
      // [1, 2, 3, 10]: p95 = 3 + 0.85 × (10 − 3)
      { bucketStart: at(0).toISOString(), avg: 4, min: 1, max: 10, p95: expect.closeTo(8.95, 9), count: 4 },
      { bucketStart: at(60).toISOString(), avg: 4, min: 4, max: 4, p95: 4, count: 1 },
      { bucketStart: at(180).toISOString(), avg: 0.5, min: 0.5, max: 0.5, p95: 0.5, count: 1 },
    ]);
  });

  it('serves the share of HEALTHY samples per bucket', async () => {
    const { data, errors } = await metrics({ id: quietChainId, metric: 'HEALTHY_SHARE', from: at(0), to: at(300), bucket: 'ONE_MINUTE' });
    expect(errors).toBeUndefined();
    expect(data.chain.metrics.unit).toBe('share');
    expect(data.chain.metrics.points).toEqual([
      { bucketStart: at(0).toISOString(), avg: 0.5, min: 0, max: 1, p95: 1, count: 4 },
      { bucketStart: at(60).toISOString(), avg: 0.5, min: 0, max: 1, p95: expect.closeTo(0.95, 9), count: 2 },
      { bucketStart: at(180).toISOString(), avg: 1, min: 1, max: 1, p95: 1, count: 1 },
    ]);
  });

  it('aligns buckets to whole multiples of their width: a range starting mid-bucket counts only its own samples', async () => {
    const wide = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0), to: at(300), bucket: 'FIVE_MINUTES' });
    expect(wide.data.chain.metrics.points).toEqual([{ bucketStart: at(0).toISOString(), avg: expect.closeTo(20.5 / 6, 9), min: 0.5, max: 10, p95: expect.closeTo(8.5, 9), count: 6 }]);
    const midBucket = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(30), to: at(90), bucket: 'ONE_MINUTE' });
    expect(midBucket.data.chain.metrics.points).toEqual([
      { bucketStart: at(0).toISOString(), avg: 6.5, min: 3, max: 10, p95: expect.closeTo(9.65, 9), count: 2 },
      { bucketStart: at(60).toISOString(), avg: 4, min: 4, max: 4, p95: 4, count: 1 },
    ]);
    const empty = await metrics({ id: quietChainId, metric: 'GAS_PRICE_GWEI', from: at(0), to: at(300), bucket: 'ONE_HOUR' });
    expect(empty.data.chain.metrics).toMatchObject({ unit: 'gwei', points: [] });
  });

  it('computes the series of many chains with the same arguments in one query', async () => {
    const chainIds = [quietChainId, ids.l1!, ids.l2a!, seedId('chain', 'ethereum')];
    service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!, $from: DateTimeISO!, $to: DateTimeISO!) { _entities(representations: $r) { ... on Chain {
        slug metrics(metric: HEAD_AGE_SECONDS, from: $from, to: $to, bucket: ONE_HOUR) { points { count } }
      } } }`,
      { r: chainIds.map((id) => ({ __typename: 'Chain', id })), from: at(0).toISOString(), to: at(300).toISOString() }, principalHeaders(OPERATOR),
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((chain: { metrics: { points: unknown[] } }) => chain.metrics.points)).toEqual([[{ count: 6 }], [], [], []]);
    expect(service.db.queries.count).toBe(2); // the chains, then every series at once
  });

  it('needs a key with the metrics:read scope: the public is UNAUTHENTICATED, a key without the scope FORBIDDEN', async () => {
    const ask = (headers: Record<string, string>) =>
      graphqlRequest(url, METRICS, { id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0).toISOString(), to: at(300).toISOString(), bucket: 'ONE_HOUR' }, headers);
    const refusals = [await ask(principalHeaders()), await ask(principalHeaders({ role: 'OPERATOR', scopes: ['catalogue:write'] }))];
    expect(refusals.map(({ data, errors }) => ({ metrics: data?.chain?.metrics ?? null, errors: errors?.map(({ message, extensions }) => ({ message, extensions })) }))).toEqual([
      { metrics: null, errors: [{ message: 'Chain.metrics needs an API key; send one as "Authorization: Bearer <key>".', extensions: { code: 'UNAUTHENTICATED' } }] },
      { metrics: null, errors: [{ message: 'Chain.metrics needs a key with the scope metrics:read; ask an operator for a key with it.', extensions: { code: 'FORBIDDEN' } }] },
    ]);
  });

  // The range rules are assertMetricRange's (shared/federation/test/metric-range.test.ts); this checks the wiring.
  it('refuses a bad range with BAD_USER_INPUT naming every offending argument', async () => {
    const { data, errors } = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0), to: new Date(t0 + 40 * 86_400_000), bucket: 'FIVE_MINUTES' });
    expect(data).toEqual({ chain: null });
    expect(errors).toEqual([
      {
        message: 'The input has 2 invalid fields: to, bucket.',
        locations: expect.any(Array),
        path: ['chain', 'metrics'],
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [
            { field: 'to', message: 'must be at most 31 days after from; ask for a longer history in several requests' },
            { field: 'bucket', message: 'FIVE_MINUTES gives 11520 buckets over this range, more than 1000; choose a wider bucket or a shorter range' },
          ],
        },
      },
    ]);
  });

  it('accepts exactly 1000 buckets and exactly 31 days', async () => {
    const thousand = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0), to: at(1000 * 60), bucket: 'ONE_MINUTE' });
    expect(thousand.errors).toBeUndefined();
    const month = await metrics({ id: quietChainId, metric: 'HEAD_AGE_SECONDS', from: at(0), to: new Date(t0 + 31 * 86_400_000), bucket: 'ONE_HOUR' });
    expect(month.errors).toBeUndefined();
    expect(month.data.chain.metrics.points).toEqual([{ bucketStart: at(0).toISOString(), avg: expect.any(Number), min: 0.5, max: 999, p95: expect.any(Number), count: 7 }]);
  });
});

describe('a sampler on its own timer', () => {
  let timed: ChainsService;
  let timedSchema: string;
  const timedLogs: SamplerLogEntry[] = [];
  const count = async () => (await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${timedSchema}".chain_health_sample`))[0].n as number;

  beforeAll(async () => {
    timedSchema = testStore.schema('chains_timed');
    timed = await createServer({
      store: testStore.store,
      dbSchema: timedSchema,
      seed: true,
      principalSecret: TEST_PRINCIPAL_SECRET,
      sampler: { intervalMs: 500, chainFilter: devnetOnly, log: (entry) => timedLogs.push(entry) },
    });
    await registerDevnetChain(await timed.server.listen(0), 'l2a');
  });

  let closed = false;

  afterAll(async () => {
    if (!closed) await timed?.close();
  });

  it('samples every interval, logs a failed run and carries on, and stops cleanly on close', async () => {
    const deadline = Date.now() + 10_000;
    while ((await count()) < 2 && Date.now() < deadline) await sleep(200);
    expect(await count()).toBeGreaterThanOrEqual(2);

    await service.db.dataSource.query(`ALTER TABLE "${timedSchema}".chain_health_sample RENAME TO chain_health_sample_away`);
    try {
      const failing = Date.now() + 5_000;
      while (!timed.sampler!.lastError && Date.now() < failing) await sleep(100);
      expect(timed.sampler!.lastError?.message).toMatch(/chain_health_sample/);
      expect(timedLogs).toContainEqual({ level: 'error', msg: 'Chain health sampling failed; the next run retries.', error: expect.stringMatching(/chain_health_sample/) });
    } finally {
      await service.db.dataSource.query(`ALTER TABLE "${timedSchema}".chain_health_sample_away RENAME TO chain_health_sample`);
    }
    const before = await count();
    const recovering = Date.now() + 5_000;
    while (((await count()) === before || timed.sampler!.lastError) && Date.now() < recovering) await sleep(100);
    expect(timed.sampler!.lastError).toBeNull();
    expect(await count()).toBeGreaterThan(before);

    await timed.close();
    closed = true;
    const after = await count();
    await sleep(1_200);
    expect(await count()).toBe(after);
    await expect(timed.sampler!.runOnce()).rejects.toThrow('The chain health sampler is stopped.');
  }, 30_000);
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('replicas sharing one PostgreSQL schema (needs DATABASE_URL)', () => {
  let replica: ChainsService;

  beforeAll(async () => {
    replica = await createServer({
      store: testStore.store,
      dbSchema: schema,
      principalSecret: TEST_PRINCIPAL_SECRET,
      sampler: { intervalMs: 0, chainFilter: devnetOnly, log: () => undefined },
    });
  });

  afterAll(async () => {
    await replica?.close();
  });

  it('lets only the leader sample; the other replica writes nothing until the leader steps down', async () => {
    const total = async () => (await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".chain_health_sample`))[0].n as number;
    await sleep(2_200); // new observations are due
    const before = await total();
    expect(await replica.sampler!.runOnce()).toEqual({ leader: false, chainsRead: 0, samplesWritten: 0, chainsSkipped: 0, samplesPruned: 0 });
    expect(replica.sampler!.isLeader).toBe(false);
    expect(await total()).toBe(before);

    await service.sampler!.stop(); // the leader shuts down and gives the lock up
    expect(await replica.sampler!.runOnce()).toMatchObject({ leader: true, chainsRead: 2, samplesWritten: 2 });
    expect(await total()).toBe(before + 2);
  }, 20_000);
});
