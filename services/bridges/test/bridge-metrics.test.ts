import { createServer, type BridgesService, type SamplerLogEntry } from '@junction/bridges';
import { createServer as createChainsServer, type ChainsService } from '@junction/chains';
import { devnetFunding, startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { createEntityDirectory } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse, type TestStore } from '@junction/testing';

// Bridge health history: the sampler stores what the devnet's bridge contracts report, and Bridge.metrics serves it
// in buckets.

let devnet: Devnet;
let testStore: TestStore;
let schema: string;
let chains: ChainsService;
let service: BridgesService;
let url: string;
let chainsUrl: string;
const logs: SamplerLogEntry[] = [];
const chainIds: Partial<Record<DevnetChainName, string>> = {};
let bridgeId: string;
let quietBridgeId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Registers a devnet chain with the chains subgraph, with its two proxies as endpoints. */
async function registerChain(chainsUrl: string, name: DevnetChainName, input: Record<string, unknown>): Promise<void> {
  const chain = devnet.chains[name];
  const created = await graphqlRequest(chainsUrl, `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
    input: {
      slug: `devnet-${name}`, name: `Devnet ${name}`, chainId: chain.chainId, kind: 'OPTIMISTIC_ROLLUP', stack: 'OP_STACK',
      settlementChainId: chainIds.l1, daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED',
      expectedBlockTimeMs: chain.blockTimeSeconds * 1000, finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', ...input,
    },
  }, principalHeaders(OPERATOR));
  expect(created.errors).toBeUndefined();
  chainIds[name] = created.data.createChain.id as string;
  for (const [index, endpoint] of chain.endpoints.entries()) {
    const added = await graphqlRequest(
      chainsUrl,
      `mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`,
      { id: chainIds[name], input: { label: index === 0 ? 'primary' : 'secondary', url: endpoint.url, priority: index + 1 } },
      principalHeaders(OPERATOR),
    );
    expect(added.errors).toBeUndefined();
  }
}

const escrowContract = (chain: 'l1' | 'l2a') => ({
  chainId: chainIds[chain],
  address: chain === 'l1' ? devnet.contracts.escrow.address : devnet.contracts.remoteEscrow.address,
  role: 'ESCROW',
  label: chain === 'l1' ? 'L1 escrow' : 'L2a escrow',
  pausable: true,
  pauseFunctionSignature: 'pause()',
  heldTokenAddresses: [devnet.contracts.token[chain].toLowerCase()],
});

async function createBridge(slug: string, contracts: unknown[], serviceUrl = url): Promise<string> {
  const created = await graphqlRequest(serviceUrl, `mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { id } }`, {
    input: {
      slug, name: slug, kind: 'THIRD_PARTY', provider: 'Junction', securityModel: 'MULTISIG', validatedBy: 'the devnet deployer',
      arbitraryMessaging: false, supportedChainsCount: 2, contracts,
    },
  }, principalHeaders(OPERATOR));
  expect(created.errors).toBeUndefined();
  return created.data.createBridge.id as string;
}

interface SampleRow {
  bridgeId: string;
  observedAt: string;
  status: string;
  pausedContracts?: number;
  escrowValue?: number | null;
}

/** Test setup: writes samples straight into the history table (the code under test only reads them). */
async function insertSamples(rows: SampleRow[]): Promise<void> {
  const values = rows.map((_, index) => `($${index * 5 + 1}::uuid, $${index * 5 + 2}::timestamptz, $${index * 5 + 3}, $${index * 5 + 4}::smallint, 2, 2, 0, $${index * 5 + 5}::double precision, NULL)`);
  await service.db.dataSource.query(
    `INSERT INTO "${schema}".bridge_health_sample
       (bridge_id, observed_at, status, paused_contracts, readable_contracts, contract_count, failing_probes, escrow_value, native_balance)
     VALUES ${values.join(', ')}`,
    rows.flatMap((row) => [row.bridgeId, row.observedAt, row.status, row.pausedContracts ?? 0, row.escrowValue ?? null]),
  );
}

async function sampleRows(id: string) {
  return (await service.db.dataSource.query(
    `SELECT observed_at AS "observedAt", status, paused_contracts AS "pausedContracts", readable_contracts AS "readableContracts",
            contract_count AS "contractCount", failing_probes AS "failingProbes", escrow_value AS "escrowValue", native_balance AS "nativeBalance"
       FROM "${schema}".bridge_health_sample WHERE bridge_id = $1 ORDER BY observed_at`,
    [id],
  )) as Array<Record<string, any>>;
}

const METRICS = `query ($id: ID!, $metric: BridgeMetric!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: MetricBucket!) {
  bridge(id: $id) { metrics(metric: $metric, from: $from, to: $to, bucket: $bucket) { unit bucket from to points { bucketStart avg min max p95 count } } }
}`;

function metrics(variables: { id: string; metric: string; from: Date; to: Date; bucket: string }): Promise<GraphQLResponse> {
  return graphqlRequest(url, METRICS, { ...variables, from: variables.from.toISOString(), to: variables.to.toISOString() }, principalHeaders(OPERATOR));
}

beforeAll(async () => {
  devnet = await startDevnet({ blockTimeSeconds: { l1: 1, l2a: 1 } });
  testStore = await openTestStore();
  schema = testStore.schema('bridges');
  chains = await createChainsServer({ store: testStore.store, dbSchema: testStore.schema('chains'), principalSecret: TEST_PRINCIPAL_SECRET });
  chainsUrl = await chains.server.listen(0);
  await registerChain(chainsUrl, 'l1', { kind: 'L1', stack: 'ETHEREUM', settlementChainId: null, daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' });
  await registerChain(chainsUrl, 'l2a', {});
  service = await createServer({
    store: testStore.store,
    dbSchema: schema,
    principalSecret: TEST_PRINCIPAL_SECRET,
    directory: createEntityDirectory({ owners: { Chain: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET }),
    chainsUrl,
    endpointRanking: { intervalMs: 500, timeoutMs: 250 },
    sampler: { intervalMs: 0, log: (entry) => logs.push(entry) },
  });
  url = await service.server.listen(0);
  bridgeId = await createBridge('demo-bridge', [escrowContract('l1'), escrowContract('l2a')]);
  quietBridgeId = await createBridge('quiet-bridge', []); // nothing to read: never sampled
}, 60_000);

afterAll(async () => {
  await service?.close();
  await chains?.close();
  await testStore?.close();
  await devnet?.close();
});

describe('the bridge health sampler on the devnet', () => {
  it('stores one row per fresh observation of each readable bridge, never the same observation twice', async () => {
    const sampler = service.sampler!;
    expect(await sampler.runOnce()).toEqual({ leader: true, bridgesRead: 1, samplesWritten: 1, bridgesSkipped: 0, samplesPruned: 0 });
    // At once again: the cache serves the same observation, which is stored already.
    expect(await sampler.runOnce()).toMatchObject({ leader: true, bridgesRead: 1, samplesWritten: 0 });
    await sleep(1_200); // past the freshness window (one block: 1 s on both chains)
    let written = 0;
    for (const deadline = Date.now() + 5_000; written < 1 && Date.now() < deadline; await sleep(100)) written += (await sampler.runOnce()).samplesWritten;
    expect(written).toBe(1);

    const rows = await sampleRows(bridgeId);
    expect(rows).toHaveLength(2);
    const escrow = Number(devnetFunding.escrowToken) / 1e6 + Number(devnetFunding.remoteEscrowToken) / 1e6;
    const native = Number(devnetFunding.escrowNative) / 1e18 + Number(devnetFunding.remoteEscrowNative) / 1e18;
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'OPERATIONAL', pausedContracts: 0, readableContracts: 2, contractCount: 2, failingProbes: 0 });
      expect(row.escrowValue).toBeCloseTo(escrow, 6);
      expect(row.nativeBalance).toBeCloseTo(native, 6);
    }
    expect(new Date(rows[1].observedAt).getTime()).toBeGreaterThan(new Date(rows[0].observedAt).getTime());
    expect(await sampleRows(quietBridgeId)).toEqual([]);
    expect(sampler.lastError).toBeNull();
    expect(sampler.isLeader).toBe(true);
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
  }, 30_000);

  it('serves what it stored as a metric series', async () => {
    const now = Date.now();
    const { data, errors } = await metrics({ id: bridgeId, metric: 'READABLE_CONTRACTS', from: new Date(now - 10 * 60_000), to: new Date(now + 60_000), bucket: 'FIFTEEN_MINUTES' });
    expect(errors).toBeUndefined();
    expect(data.bridge.metrics.unit).toBe('contracts');
    const { points } = data.bridge.metrics;
    expect(points.reduce((sum: number, point: { count: number }) => sum + point.count, 0)).toBe((await sampleRows(bridgeId)).length);
    for (const point of points) expect(point).toMatchObject({ avg: 2, min: 2, max: 2, p95: 2 });
  });

  it('prunes samples older than the retention (168 hours by default) on each run', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await insertSamples([
      { bridgeId: quietBridgeId, observedAt: hoursAgo(200), status: 'OPERATIONAL' },
      { bridgeId: quietBridgeId, observedAt: hoursAgo(169), status: 'OPERATIONAL' },
      { bridgeId: quietBridgeId, observedAt: hoursAgo(167), status: 'OPERATIONAL' },
    ]);
    expect(await service.sampler!.runOnce()).toMatchObject({ leader: true, samplesPruned: 2 });
    const left = await sampleRows(quietBridgeId);
    expect(left).toHaveLength(1);
    expect(new Date(left[0].observedAt).getTime()).toBeGreaterThan(Date.now() - 168 * 3_600_000);
    await service.db.dataSource.query(`DELETE FROM "${schema}".bridge_health_sample WHERE bridge_id = $1`, [quietBridgeId]);
  });
});

describe('Bridge.metrics', () => {
  // Two hours ago, on a whole hour: every bucket width divides it, so buckets start exactly here.
  const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
  const at = (seconds: number) => new Date(t0 + seconds * 1000);

  beforeAll(async () => {
    const sample = (seconds: number, status: string, pausedContracts: number, escrowValue: number | null) => ({
      bridgeId: quietBridgeId, observedAt: at(seconds).toISOString(), status, pausedContracts, escrowValue,
    });
    await insertSamples([
      sample(-1, 'PAUSED', 9, 999), // before from: left out
      sample(0, 'OPERATIONAL', 0, 100),
      sample(15, 'OPERATIONAL', 0, 200),
      sample(30, 'PAUSED', 1, 300),
      sample(45, 'PAUSED', 2, 1000),
      sample(60, 'OPERATIONAL', 0, 400),
      sample(75, 'UNREACHABLE', 0, null), // no escrow value: counts for the other metrics only
      // nothing in the third minute: no point for it
      sample(200, 'DEGRADED', 1, 50),
      sample(300, 'PAUSED', 9, 999), // at `to`: left out (the range is half-open)
    ]);
  });

  it('aggregates each bucket in PostgreSQL: avg, min, max, p95, count; empty buckets left out; oldest first', async () => {
    const { data, errors } = await metrics({ id: quietBridgeId, metric: 'ESCROW_VALUE', from: at(0), to: at(300), bucket: 'ONE_MINUTE' });
    expect(errors).toBeUndefined();
    const series = data.bridge.metrics;
    expect(series).toMatchObject({ unit: 'tokens', bucket: 'ONE_MINUTE', from: at(0).toISOString(), to: at(300).toISOString() });
    expect(series.points).toEqual([
      // [100, 200, 300, 1000]: p95 = 300 + 0.85 × (1000 − 300)
      { bucketStart: at(0).toISOString(), avg: 400, min: 100, max: 1000, p95: expect.closeTo(895, 9), count: 4 },
      { bucketStart: at(60).toISOString(), avg: 400, min: 400, max: 400, p95: 400, count: 1 },
      { bucketStart: at(180).toISOString(), avg: 50, min: 50, max: 50, p95: 50, count: 1 },
    ]);
  });

  it('serves paused contracts and the share of OPERATIONAL samples per bucket', async () => {
    const paused = await metrics({ id: quietBridgeId, metric: 'PAUSED_CONTRACTS', from: at(0), to: at(300), bucket: 'FIVE_MINUTES' });
    expect(paused.errors).toBeUndefined();
    // [0, 0, 1, 2, 0, 0, 1]: p95 = 1 + 0.7 × (2 − 1)
    expect(paused.data.bridge.metrics.points).toEqual([{ bucketStart: at(0).toISOString(), avg: expect.closeTo(4 / 7, 9), min: 0, max: 2, p95: expect.closeTo(1.7, 9), count: 7 }]);

    const share = await metrics({ id: quietBridgeId, metric: 'OPERATIONAL_SHARE', from: at(0), to: at(300), bucket: 'ONE_MINUTE' });
    expect(share.errors).toBeUndefined();
    expect(share.data.bridge.metrics.unit).toBe('share');
    expect(share.data.bridge.metrics.points).toEqual([
      { bucketStart: at(0).toISOString(), avg: 0.5, min: 0, max: 1, p95: 1, count: 4 },
      { bucketStart: at(60).toISOString(), avg: 0.5, min: 0, max: 1, p95: expect.closeTo(0.95, 9), count: 2 },
      { bucketStart: at(180).toISOString(), avg: 0, min: 0, max: 0, p95: 0, count: 1 },
    ]);

    const native = await metrics({ id: quietBridgeId, metric: 'NATIVE_BALANCE', from: at(0), to: at(300), bucket: 'ONE_HOUR' });
    expect(native.data.bridge.metrics).toMatchObject({ unit: 'ETH', points: [] });
  });

  it('computes the series of many bridges with the same arguments in one query', async () => {
    const ids = [quietBridgeId, bridgeId];
    service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!, $from: DateTimeISO!, $to: DateTimeISO!) { _entities(representations: $r) { ... on Bridge {
        slug metrics(metric: FAILING_PROBES, from: $from, to: $to, bucket: ONE_HOUR) { points { count } }
      } } }`,
      { r: ids.map((id) => ({ __typename: 'Bridge', id })), from: at(0).toISOString(), to: at(300).toISOString() }, principalHeaders(OPERATOR),
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((bridge: { metrics: { points: unknown[] } }) => bridge.metrics.points)).toEqual([[{ count: 7 }], []]);
    expect(service.db.queries.count).toBe(2); // the bridges, then every series at once
  });

  // The range rules are assertMetricRange's (shared/federation/test/metric-range.test.ts); this checks the wiring.
  it('refuses a bad range with BAD_USER_INPUT naming every offending argument', async () => {
    const { data, errors } = await metrics({ id: quietBridgeId, metric: 'PAUSED_CONTRACTS', from: at(0), to: new Date(t0 + 40 * 86_400_000), bucket: 'FIVE_MINUTES' });
    expect(data).toEqual({ bridge: null });
    expect(errors).toEqual([
      {
        message: 'The input has 2 invalid fields: to, bucket.',
        locations: expect.any(Array),
        path: ['bridge', 'metrics'],
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
    const thousand = await metrics({ id: quietBridgeId, metric: 'PAUSED_CONTRACTS', from: at(0), to: at(1000 * 60), bucket: 'ONE_MINUTE' });
    expect(thousand.errors).toBeUndefined();
    const month = await metrics({ id: quietBridgeId, metric: 'PAUSED_CONTRACTS', from: at(0), to: new Date(t0 + 31 * 86_400_000), bucket: 'ONE_HOUR' });
    expect(month.errors).toBeUndefined();
    expect(month.data.bridge.metrics.points).toEqual([{ bucketStart: at(0).toISOString(), avg: expect.any(Number), min: 0, max: 9, p95: expect.any(Number), count: 8 }]);
  });
});

describe('a sampler on its own timer', () => {
  let timed: BridgesService;
  let timedSchema: string;
  const timedLogs: SamplerLogEntry[] = [];
  const count = async () => (await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${timedSchema}".bridge_health_sample`))[0].n as number;
  let closed = false;

  beforeAll(async () => {
    timedSchema = testStore.schema('bridges_timed');
    timed = await createServer({
      store: testStore.store,
      dbSchema: timedSchema,
      principalSecret: TEST_PRINCIPAL_SECRET,
      directory: createEntityDirectory({ owners: { Chain: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET }),
      chainsUrl,
      endpointRanking: { intervalMs: 500, timeoutMs: 250 },
      sampler: { intervalMs: 500, log: (entry) => timedLogs.push(entry) },
    });
    await createBridge('timed-bridge', [escrowContract('l2a')], await timed.server.listen(0));
  });

  afterAll(async () => {
    if (!closed) await timed?.close();
  });

  it('samples every interval, logs a failed run and carries on, and stops cleanly on close', async () => {
    const deadline = Date.now() + 10_000;
    while ((await count()) < 2 && Date.now() < deadline) await sleep(200);
    expect(await count()).toBeGreaterThanOrEqual(2);

    await service.db.dataSource.query(`ALTER TABLE "${timedSchema}".bridge_health_sample RENAME TO bridge_health_sample_away`);
    try {
      const failing = Date.now() + 5_000;
      while (!timed.sampler!.lastError && Date.now() < failing) await sleep(100);
      expect(timed.sampler!.lastError?.message).toMatch(/bridge_health_sample/);
      expect(timedLogs).toContainEqual({ level: 'error', msg: 'Bridge health sampling failed; the next run retries.', error: expect.stringMatching(/bridge_health_sample/) });
    } finally {
      await service.db.dataSource.query(`ALTER TABLE "${timedSchema}".bridge_health_sample_away RENAME TO bridge_health_sample`);
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
    await expect(timed.sampler!.runOnce()).rejects.toThrow('The bridge health sampler is stopped.');
  }, 30_000);
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('replicas sharing one PostgreSQL schema (needs DATABASE_URL)', () => {
  let replica: BridgesService;

  beforeAll(async () => {
    replica = await createServer({
      store: testStore.store,
      dbSchema: schema,
      principalSecret: TEST_PRINCIPAL_SECRET,
      directory: createEntityDirectory({ owners: { Chain: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET }),
      chainsUrl,
      endpointRanking: false,
      sampler: { intervalMs: 0, log: () => undefined },
    });
  });

  afterAll(async () => {
    await replica?.close();
  });

  it('lets only the leader sample; the other replica writes nothing until the leader steps down', async () => {
    const total = async () => (await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".bridge_health_sample`))[0].n as number;
    await sleep(1_200); // new observations are due
    const before = await total();
    expect(await replica.sampler!.runOnce()).toEqual({ leader: false, bridgesRead: 0, samplesWritten: 0, bridgesSkipped: 0, samplesPruned: 0 });
    expect(replica.sampler!.isLeader).toBe(false);
    expect(await total()).toBe(before);

    await service.sampler!.stop(); // the leader shuts down and gives the lock up
    expect(await replica.sampler!.runOnce()).toMatchObject({ leader: true, bridgesRead: 1, samplesWritten: 1 });
    expect(await total()).toBe(before + 1);
  }, 20_000);
});
