import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { createServer, type ChainsService } from '@junction/chains';
import { startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { seedId } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse, type TestStore } from '@junction/testing';

// Health read from real JSON-RPC nodes (the devnet), through the chains subgraph. The tests cause every state.

let devnet: Devnet;
let testStore: TestStore;
let service: ChainsService;
let url: string;
const ids: Partial<Record<DevnetChainName | 'wrong-id', string>> = {};
/** The cache's clock: real time, except while a test freezes it to look at one moment in isolation. */
let frozenAt: number | undefined;

const HEALTH = `query ($id: ID!) { chain(id: $id) { health {
  status reasons chainIdMatches headNumber headTimestamp headAgeSeconds
  safe { number lagBlocks lagSeconds } finalized { number lagBlocks }
  gasPriceGwei baseFeeGwei endpoints { label reachable latencyMs chainId }
  sequencer { up startedAt withinGracePeriod } thresholds { degradedAfterSeconds haltedAfterSeconds }
  observedAt ageSeconds stale
} } }`;

async function register(key: DevnetChainName | 'wrong-id', name: DevnetChainName, input: Record<string, unknown>): Promise<void> {
  const chain = devnet.chains[name];
  const created = await graphqlRequest(url, `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
    input: {
      slug: `devnet-${key}`, name: `Devnet ${key}`, chainId: chain.chainId, kind: 'OPTIMISTIC_ROLLUP', stack: 'OP_STACK',
      settlementChainId: seedId('chain', 'ethereum'), daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED',
      expectedBlockTimeMs: chain.blockTimeSeconds * 1000, finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', ...input,
    },
  }, principalHeaders(OPERATOR));
  expect(created.errors).toBeUndefined();
  const id = created.data.createChain.id as string;
  for (const [index, endpoint] of chain.endpoints.entries()) {
    const added = await graphqlRequest(
      url,
      `mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`,
      { id, input: { label: index === 0 ? 'primary' : 'secondary', url: endpoint.url, priority: index + 1 } },
      principalHeaders(OPERATOR),
    );
    expect(added.errors).toBeUndefined();
  }
  ids[key] = id;
}

async function health(key: DevnetChainName | 'wrong-id'): Promise<GraphQLResponse> {
  return graphqlRequest(url, HEALTH, { id: ids[key] }, principalHeaders());
}

/** Polls until the status is `status`, for at most `withinMs`; returns the last answer. */
async function waitForStatus(key: DevnetChainName | 'wrong-id', status: string, withinMs: number): Promise<GraphQLResponse> {
  const deadline = Date.now() + withinMs;
  let last = await health(key);
  while (last.data?.chain.health.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await health(key);
  }
  return last;
}

beforeAll(async () => {
  devnet = await startDevnet();
  testStore = await openTestStore();
  const cache = new ReadThroughCache({ backend: createMemoryBackend(), now: () => frozenAt ?? Date.now() });
  service = await createServer({ store: testStore.store, dbSchema: testStore.schema('chains'), seed: true, principalSecret: TEST_PRINCIPAL_SECRET, cache });
  url = await service.server.listen(0);
  await register('l1', 'l1', { kind: 'L1', stack: 'ETHEREUM', settlementChainId: null, daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' });
  await register('l2a', 'l2a', { sequencerUptimeFeedAddress: devnet.contracts.sequencerUptimeFeed.address, degradedAfterSeconds: 2, haltedAfterSeconds: 4 });
  await register('l2b', 'l2b', { degradedAfterSeconds: 3, haltedAfterSeconds: 6 });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await testStore?.close();
  await devnet?.close();
});

describe('Chain.health on the devnet', () => {
  it('reads a healthy chain: head, safe and finalized lag, gas, endpoints, sequencer feed', async () => {
    const { data, errors } = await waitForStatus('l2a', 'HEALTHY', 10_000);
    expect(errors).toBeUndefined();
    const h = data.chain.health;
    expect(h).toMatchObject({ status: 'HEALTHY', chainIdMatches: true, stale: false, sequencer: { up: true }, thresholds: { degradedAfterSeconds: 2, haltedAfterSeconds: 4 } });
    expect(h.headNumber).toBeGreaterThan(0);
    expect(h.headAgeSeconds).toBeLessThan(4);
    expect(h.gasPriceGwei).toBeGreaterThan(0);
    expect(h.endpoints).toEqual([
      { label: 'primary', reachable: true, latencyMs: expect.any(Number), chainId: 900002 },
      { label: 'secondary', reachable: true, latencyMs: expect.any(Number), chainId: 900002 },
    ]);
    if (h.safe) expect(h.safe.lagBlocks).toBe(Math.min(32, h.headNumber));
    if (h.finalized) expect(h.finalized.lagBlocks).toBe(Math.min(64, h.headNumber));
    expect(JSON.stringify(h)).not.toContain('127.0.0.1');
  });

  it('turns HALTED within twice its threshold when the chain stops producing blocks, and HEALTHY when it resumes', async () => {
    await devnet.halt('l2b');
    const started = Date.now();
    const halted = await waitForStatus('l2b', 'HALTED', 2 * 6_000 + 3_000);
    expect(halted.data.chain.health.status).toBe('HALTED');
    expect(Date.now() - started).toBeLessThanOrEqual(2 * 6_000 + 3_000);
    expect(halted.data.chain.health.reasons[0]).toMatch(/^No new block for \d+ s \(halted after 6 s\)\.$/);
    await devnet.resume('l2b');
    const resumed = await waitForStatus('l2b', 'HEALTHY', 15_000);
    expect(resumed.data.chain.health.status).toBe('HEALTHY');
  }, 45_000);

  it('reports HALTED when the sequencer uptime feed says the sequencer is down', async () => {
    await devnet.setSequencerStatus(false);
    try {
      const down = await waitForStatus('l2a', 'HALTED', 10_000);
      expect(down.data.chain.health).toMatchObject({ status: 'HALTED', sequencer: { up: false } });
      expect(down.data.chain.health.reasons).toContain('The sequencer uptime feed reports the sequencer down.');
    } finally {
      await devnet.setSequencerStatus(true);
    }
    const up = await waitForStatus('l2a', 'HEALTHY', 10_000);
    expect(up.data.chain.health.sequencer).toMatchObject({ up: true, withinGracePeriod: true });
  }, 30_000);

  it('falls back to the secondary endpoint with no client-visible error when the primary dies', async () => {
    await devnet.chains.l1.endpoints[0].kill();
    try {
      const { data, errors } = await waitForStatus('l1', 'DEGRADED', 10_000);
      expect(errors).toBeUndefined();
      expect(data.chain.health).toMatchObject({ status: 'DEGRADED', stale: false, reasons: ['1 of 2 RPC endpoints do not answer.'] });
      expect(data.chain.health.endpoints.map((e: { reachable: boolean }) => e.reachable)).toEqual([false, true]);
      expect(data.chain.health.headNumber).toBeGreaterThan(0);
    } finally {
      await devnet.chains.l1.endpoints[0].revive();
    }
  }, 30_000);

  it('answers MISCONFIGURED, reading nothing else, when the endpoints serve another chain id', async () => {
    await register('wrong-id', 'l2b', { chainId: 777_777 });
    const { data, errors } = await health('wrong-id');
    expect(errors).toBeUndefined();
    expect(data.chain.health).toMatchObject({
      status: 'MISCONFIGURED',
      chainIdMatches: false,
      headNumber: null,
      reasons: ['Endpoints serve chain id 900003, but Devnet wrong-id is 777777; its reads are refused until the endpoints are fixed.'],
    });
  });

  it('makes one upstream call per read for 200 concurrent identical health queries', async () => {
    // Move the cache's clock past every window and hold it there, so the burst sees one expired entry, however
    // long 200 requests take on a loaded machine.
    frozenAt = Date.now() + 60_000;
    const proxies = devnet.chains.l2a.endpoints;
    for (const proxy of proxies) proxy.reset();
    const answers = await Promise.all(Array.from({ length: 200 }, () => health('l2a'))).finally(() => {
      frozenAt = undefined;
    });
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const count = (method: string) => proxies.reduce((sum, proxy) => sum + (proxy.calls()[method] ?? 0), 0);
    expect(proxies.map((proxy) => proxy.calls().eth_chainId ?? 0)).toEqual([1, 1]); // one probe per endpoint
    expect(count('eth_getBlockByNumber')).toBe(3); // latest, safe, finalized
    expect(count('eth_gasPrice')).toBe(1);
    expect(count('eth_call')).toBe(1); // the sequencer uptime feed
  }, 20_000);

  it('returns the last known values flagged stale, with UPSTREAM_UNAVAILABLE, when every endpoint is down', async () => {
    const before = await waitForStatus('l2b', 'HEALTHY', 10_000);
    const lastHead = before.data.chain.health.headNumber;
    for (const proxy of devnet.chains.l2b.endpoints) await proxy.kill();
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_000 * 5 + 500)); // past freshness (2 s) + revalidation (8 s)
      const started = Date.now();
      const { data, errors } = await health('l2b');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(data.chain.health).toMatchObject({ status: 'UNREACHABLE', stale: true, headNumber: expect.any(Number) });
      expect(data.chain.health.headNumber).toBeGreaterThanOrEqual(lastHead);
      expect(data.chain.health.ageSeconds).toBeGreaterThan(5);
      expect(errors).toEqual([
        { message: 'The chain Devnet l2b is unavailable right now; try again shortly.', path: ['chain', 'health'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
      ]);
    } finally {
      for (const proxy of devnet.chains.l2b.endpoints) await proxy.revive();
    }
  }, 40_000);

  it('refuses a malformed sequencer feed address and halted-before-degraded thresholds', async () => {
    const { errors } = await graphqlRequest(url, `mutation ($id: ID!) { updateChain(id: $id, input: { sequencerUptimeFeedAddress: "0x123", haltedAfterSeconds: 1 }) { id } }`, { id: ids.l2a }, principalHeaders(OPERATOR));
    expect(errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'input.sequencerUptimeFeedAddress', message: '"0x123" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)' },
        { field: 'input.haltedAfterSeconds', message: 'must be at least degradedAfterSeconds (2)' },
      ],
    });
  });
});
