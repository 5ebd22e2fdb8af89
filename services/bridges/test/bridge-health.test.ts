import { createServer, type BridgesService } from '@junction/bridges';
import { createMemoryBackend, createRedisBackend, ReadThroughCache } from '@junction/cache';
import { createServer as createChainsServer, type ChainsService } from '@junction/chains';
import { devnetFunding, startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { createEntityDirectory } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse, type TestStore } from '@junction/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

// Bridge health read from real JSON-RPC nodes (the devnet) through the bridges subgraph, which learns the chains'
// endpoints from the real chains subgraph. The tests cause every state on purpose.

let devnet: Devnet;
let testStore: TestStore;
let chains: ChainsService;
let service: BridgesService;
let url: string;
const chainIds: Partial<Record<DevnetChainName | 'wrong-id', string>> = {};
let bridgeId: string;
/** While set, the time the cache under on-chain reads sees (so a burst of queries falls in one freshness window). */
let frozenAt: number | null = null;
/** In Redis when REDIS_URL is set (as replicas share it), in memory otherwise. */
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { lazyConnect: true }) : undefined;
/** The cache under the bridges subgraph's on-chain reads; its `stats.loads` counts observations. */
const cache = new ReadThroughCache({
  backend: redis ? createRedisBackend({ redis, prefix: `junction:test:${randomBytes(4).toString('hex')}:` }) : createMemoryBackend(),
  now: () => frozenAt ?? Date.now(),
});

const HEALTH = `query ($id: ID!) { bridge(id: $id) { health {
  status reasons
  contracts { contractId chain { id } address role label paused readable reason balances { token symbol decimals rawAmount amount reason } }
  probes { probeId label chain { id } address passed value reason }
  observedAt ageSeconds stale
} } }`;

const ADD_PROBE = `mutation ($bridgeId: ID!, $input: BridgeProbeInput!) { addBridgeProbe(bridgeId: $bridgeId, input: $input) {
  id label address signature args expect { equals min max } chain { id } bridge { id }
} }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(id = bridgeId): Promise<GraphQLResponse> {
  return graphqlRequest(url, HEALTH, { id }, principalHeaders());
}

/** Polls until the status is `status`, for at most `withinMs`; returns the last answer. */
async function waitForStatus(status: string, withinMs: number): Promise<GraphQLResponse> {
  const deadline = Date.now() + withinMs;
  let last = await health();
  while (last.data?.bridge.health.status !== status && Date.now() < deadline) {
    await sleep(200);
    last = await health();
  }
  return last;
}

/**
 * Registers a devnet chain with the chains subgraph as `key` (its name unless given), with its two proxies as
 * endpoints unless told not to.
 */
async function registerChain(
  chainsUrl: string,
  name: DevnetChainName,
  input: Record<string, unknown>,
  { endpoints = true, key = name }: { endpoints?: boolean; key?: DevnetChainName | 'wrong-id' } = {},
): Promise<void> {
  const chain = devnet.chains[name];
  const created = await graphqlRequest(chainsUrl, `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
    input: {
      slug: `devnet-${key}`, name: `Devnet ${key}`, chainId: chain.chainId, kind: 'OPTIMISTIC_ROLLUP', stack: 'OP_STACK',
      settlementChainId: chainIds.l1, daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED',
      expectedBlockTimeMs: chain.blockTimeSeconds * 1000, finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', ...input,
    },
  }, principalHeaders(OPERATOR));
  expect(created.errors).toBeUndefined();
  chainIds[key] = created.data.createChain.id as string;
  if (!endpoints) return;
  for (const [index, endpoint] of chain.endpoints.entries()) {
    const added = await graphqlRequest(
      chainsUrl,
      `mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`,
      { id: chainIds[key], input: { label: index === 0 ? 'primary' : 'secondary', url: endpoint.url, priority: index + 1 } },
      principalHeaders(OPERATOR),
    );
    expect(added.errors).toBeUndefined();
  }
}

const escrowContract = (chain: 'l1' | 'l2a', overrides: Record<string, unknown> = {}) => ({
  chainId: chainIds[chain],
  address: chain === 'l1' ? devnet.contracts.escrow.address : devnet.contracts.remoteEscrow.address,
  role: 'ESCROW',
  label: chain === 'l1' ? 'L1 escrow' : 'L2a escrow',
  pausable: true,
  pauseFunctionSignature: 'pause()',
  heldTokenAddresses: [devnet.contracts.token[chain].toLowerCase()],
  ...overrides,
});

const bridgeInput = (slug: string, contracts: unknown[]) => ({
  slug, name: slug === 'demo-bridge' ? 'Demo Bridge' : slug, kind: 'THIRD_PARTY', provider: 'Junction', securityModel: 'MULTISIG',
  validatedBy: 'the devnet deployer', arbitraryMessaging: false, supportedChainsCount: 2, contracts,
});

async function createBridge(input: Record<string, unknown>): Promise<GraphQLResponse> {
  return graphqlRequest(url, `mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { id contracts { label heldTokens } } }`, { input }, principalHeaders(OPERATOR));
}

beforeAll(async () => {
  await redis?.connect();
  devnet = await startDevnet({ blockTimeSeconds: { l1: 1, l2a: 1 } });
  testStore = await openTestStore();
  chains = await createChainsServer({ store: testStore.store, dbSchema: testStore.schema('chains'), principalSecret: TEST_PRINCIPAL_SECRET });
  const chainsUrl = await chains.server.listen(0);
  await registerChain(chainsUrl, 'l1', { kind: 'L1', stack: 'ETHEREUM', settlementChainId: null, daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' });
  await registerChain(chainsUrl, 'l2a', {});
  await registerChain(chainsUrl, 'l2b', {}, { endpoints: false });
  // The catalogue says 777777, but the endpoints are l2b's (900003).
  await registerChain(chainsUrl, 'l2b', { chainId: 777_777 }, { key: 'wrong-id' });
  service = await createServer({
    store: testStore.store,
    dbSchema: testStore.schema('bridges'),
    principalSecret: TEST_PRINCIPAL_SECRET,
    directory: createEntityDirectory({ owners: { Chain: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET }),
    chainsUrl,
    cache,
    // Frequent ranking, so that close() waits little for it to stop.
    endpointRanking: { intervalMs: 500, timeoutMs: 250 },
  });
  url = await service.server.listen(0);
  const created = await createBridge(bridgeInput('demo-bridge', [escrowContract('l1'), escrowContract('l2a')]));
  expect(created.errors).toBeUndefined();
  bridgeId = created.data.createBridge.id;
}, 60_000);

afterAll(async () => {
  await service?.close();
  await chains?.close();
  await testStore?.close();
  await devnet?.close();
  await redis?.quit();
});

describe('Bridge.health on the devnet', () => {
  it('reads both escrows: not paused, with their funded native and jUSD balances', async () => {
    const { data, errors } = await health();
    expect(errors).toBeUndefined();
    const balances = (chain: 'l1' | 'l2a', native: bigint, token: bigint) => [
      { token: null, symbol: 'ETH', decimals: 18, rawAmount: native.toString(), amount: Number(native / 10n ** 18n), reason: null },
      { token: devnet.contracts.token[chain], symbol: 'jUSD', decimals: 6, rawAmount: token.toString(), amount: Number(token / 10n ** 6n), reason: null },
    ];
    expect(data.bridge.health).toEqual({
      status: 'OPERATIONAL',
      reasons: ['Every contract answers, none is paused, and every probe passes.'],
      contracts: [
        {
          contractId: expect.any(String), chain: { id: chainIds.l1 }, address: devnet.contracts.escrow.address, role: 'ESCROW', label: 'L1 escrow',
          paused: false, readable: true, reason: null, balances: balances('l1', devnetFunding.escrowNative, devnetFunding.escrowToken),
        },
        {
          contractId: expect.any(String), chain: { id: chainIds.l2a }, address: devnet.contracts.remoteEscrow.address, role: 'ESCROW', label: 'L2a escrow',
          paused: false, readable: true, reason: null, balances: balances('l2a', devnetFunding.remoteEscrowNative, devnetFunding.remoteEscrowToken),
        },
      ],
      probes: [],
      observedAt: expect.any(String),
      ageSeconds: expect.any(Number),
      stale: false,
    });
    expect(data.bridge.health.contracts[0].balances.map((b: { amount: number }) => b.amount)).toEqual([100, 1_000_000]);
    expect(JSON.stringify(data)).not.toContain('127.0.0.1');
  });

  it('turns PAUSED when the escrows are paused, and OPERATIONAL again when they are unpaused', async () => {
    await devnet.pauseBridge();
    try {
      const paused = await waitForStatus('PAUSED', 8_000);
      expect(paused.errors).toBeUndefined();
      expect(paused.data.bridge.health).toMatchObject({
        status: 'PAUSED',
        reasons: ['L1 escrow on Devnet l1 is paused.', 'L2a escrow on Devnet l2a is paused.'],
        contracts: [{ paused: true, readable: true }, { paused: true, readable: true }],
        stale: false,
      });
    } finally {
      await devnet.unpauseBridge();
    }
    const resumed = await waitForStatus('OPERATIONAL', 8_000);
    expect(resumed.data.bridge.health.contracts.map((c: { paused: boolean }) => c.paused)).toEqual([false, false]);
  }, 20_000);

  it('makes one eth_call per chain for 200 concurrent identical health queries', async () => {
    const proxies = [...devnet.chains.l1.endpoints, ...devnet.chains.l2a.endpoints];
    for (const proxy of proxies) proxy.reset();
    const loadsBefore = cache.stats.loads;
    // The cache's clock moves 2 s ahead (past the 1 s freshness of the last observation) and stays there while the
    // 200 queries are served, however long that takes on this machine.
    frozenAt = Date.now() + 2_000;
    try {
      const answers = await Promise.all(Array.from({ length: 200 }, () => health()));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      expect(new Set(answers.map((answer) => answer.data.bridge.health.status))).toEqual(new Set(['OPERATIONAL']));
      const ethCalls = (chain: 'l1' | 'l2a') => devnet.chains[chain].endpoints.reduce((sum, proxy) => sum + (proxy.calls().eth_call ?? 0), 0);
      // The observation may still be refreshing in the background after the first answers came from the cache.
      const deadline = Date.now() + 3_000;
      while ((ethCalls('l1') < 1 || ethCalls('l2a') < 1) && Date.now() < deadline) await sleep(50);
      await sleep(300);
      expect(cache.stats.loads - loadsBefore).toBe(1);
      expect({ l1: ethCalls('l1'), l2a: ethCalls('l2a') }).toEqual({ l1: 1, l2a: 1 });
    } finally {
      frozenAt = null;
    }
  }, 20_000);

  it('marks the l2a escrow unreadable and the bridge DEGRADED when both l2a endpoints die', async () => {
    for (const proxy of devnet.chains.l2a.endpoints) await proxy.kill();
    try {
      const { data, errors } = await waitForStatus('DEGRADED', 10_000);
      expect(errors).toBeUndefined();
      const reason = 'Devnet l2a cannot be read: no RPC endpoint answers (the last one tried could not be reached).';
      expect(data.bridge.health).toMatchObject({ status: 'DEGRADED', reasons: [reason], stale: false });
      expect(data.bridge.health.contracts[0]).toMatchObject({ label: 'L1 escrow', readable: true, paused: false });
      expect(data.bridge.health.contracts[1]).toEqual({
        contractId: expect.any(String), chain: { id: chainIds.l2a }, address: devnet.contracts.remoteEscrow.address, role: 'ESCROW', label: 'L2a escrow',
        paused: null, readable: false, reason,
        balances: [
          { token: null, symbol: 'ETH', decimals: 18, rawAmount: null, amount: null, reason },
          { token: devnet.contracts.token.l2a, symbol: null, decimals: null, rawAmount: null, amount: null, reason },
        ],
      });
    } finally {
      for (const proxy of devnet.chains.l2a.endpoints) await proxy.revive();
    }
    expect((await waitForStatus('OPERATIONAL', 10_000)).data.bridge.health.status).toBe('OPERATIONAL');
  }, 30_000);

  it('says UNREACHABLE, with no error, when no chain of the bridge has an RPC endpoint', async () => {
    const created = await createBridge(bridgeInput('no-endpoints', [{ chainId: chainIds.l2b, address: devnet.contracts.token.l2b, role: 'ROUTER', label: 'Router' }]));
    const { data, errors } = await health(created.data.createBridge.id);
    expect(errors).toBeUndefined();
    expect(data.bridge.health).toMatchObject({
      status: 'UNREACHABLE',
      reasons: ['No RPC endpoint is configured for Devnet l2b.'],
      contracts: [{ label: 'Router', readable: false, paused: null, balances: [], reason: 'No RPC endpoint is configured for Devnet l2b.' }],
      stale: false,
    });
  });

  it('refuses to read a chain whose endpoints serve another chain id: that contract is unreadable, the bridge DEGRADED', async () => {
    const created = await createBridge(
      bridgeInput('wrong-chain-id', [escrowContract('l1'), { chainId: chainIds['wrong-id'], address: devnet.contracts.token.l2b, role: 'ESCROW', label: 'Wrong escrow' }]),
    );
    const { data, errors } = await health(created.data.createBridge.id);
    expect(errors).toBeUndefined();
    const reason = "Devnet wrong-id cannot be read: Devnet wrong-id's RPC endpoint serves chain id 900003, not the expected 777777; fix the chain's endpoints or its chain id.";
    expect(data.bridge.health).toMatchObject({
      status: 'DEGRADED',
      reasons: [reason],
      contracts: [
        { label: 'L1 escrow', readable: true, paused: false },
        { label: 'Wrong escrow', readable: false, paused: null, reason, balances: [{ token: null, rawAmount: null, amount: null, reason }] },
      ],
    });
  });

  it('batches the health of N bridges: one query each for bridges, contracts and probes', async () => {
    const listed = await graphqlRequest(url, `{ bridges(first: 100) { nodes { id slug } } }`, {}, principalHeaders());
    const ids = listed.data.bridges.nodes.map((bridge: { id: string }) => bridge.id);
    expect(ids).toHaveLength(3);
    service.db.queries.reset();
    const { data, errors } = await graphqlRequest(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { slug health { status } } } }`, {
      r: ids.map((id: string) => ({ __typename: 'Bridge', id })),
    }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(service.db.queries.count).toBe(3);
    expect(Object.fromEntries(data._entities.map((bridge: { slug: string; health: { status: string } }) => [bridge.slug, bridge.health.status]))).toEqual({
      'demo-bridge': 'OPERATIONAL',
      'no-endpoints': 'UNREACHABLE',
      'wrong-chain-id': 'DEGRADED',
    });
  });

  it('stores held tokens checksummed and refuses malformed or repeated ones, naming each', async () => {
    const created = await graphqlRequest(url, `query ($id: ID!) { bridge(id: $id) { contracts { label heldTokens } } }`, { id: bridgeId }, principalHeaders());
    expect(created.data.bridge.contracts).toEqual([
      { label: 'L1 escrow', heldTokens: [devnet.contracts.token.l1] },
      { label: 'L2a escrow', heldTokens: [devnet.contracts.token.l2a] },
    ]);
    const token = devnet.contracts.token.l1;
    const refused = await createBridge(
      bridgeInput('bad-tokens', [escrowContract('l1', { heldTokenAddresses: [token, '0x123', token.toLowerCase()] })]),
    );
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'input.contracts.0.heldTokenAddresses.1', message: '"0x123" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)' },
        { field: 'input.contracts.0.heldTokenAddresses.2', message: 'repeats input.contracts.0.heldTokenAddresses.0' },
      ],
    });
  });
});

describe('Bridge contract probes', () => {
  const passing = () => ({
    chainId: chainIds.l1, address: devnet.contracts.escrow.address.toLowerCase(), signature: 'function paused() view returns (bool)',
    expect: { equals: 'false' }, label: 'L1 escrow not paused',
  });
  const failing = () => ({
    chainId: chainIds.l1, address: devnet.contracts.token.l1, signature: 'function balanceOf(address) view returns (uint256)',
    args: [devnet.contracts.escrow.address], expect: { min: '2000000000000' }, label: 'L1 escrow holds 2M jUSD',
  });
  const probeLabels = async () =>
    (await graphqlRequest(url, `query ($id: ID!) { bridge(id: $id) { probes { label } } }`, { id: bridgeId }, principalHeaders())).data.bridge.probes.map((p: { label: string }) => p.label);

  it('evaluates probes in the same multicall: one passes, one fails and makes the bridge DEGRADED', async () => {
    const added = await graphqlRequest(url, ADD_PROBE, { bridgeId, input: passing() }, principalHeaders(OPERATOR));
    expect(added.errors).toBeUndefined();
    expect(added.data.addBridgeProbe).toEqual({
      id: expect.any(String), label: 'L1 escrow not paused', address: devnet.contracts.escrow.address,
      signature: 'function paused() view returns (bool)', args: [], expect: { equals: 'false', min: null, max: null },
      chain: { id: chainIds.l1 }, bridge: { id: bridgeId },
    });
    const failed = await graphqlRequest(url, ADD_PROBE, { bridgeId, input: failing() }, principalHeaders(OPERATOR));
    expect(failed.errors).toBeUndefined();

    for (const proxy of devnet.chains.l1.endpoints) proxy.reset();
    const { data, errors } = await health(); // new probes, a new observation
    expect(errors).toBeUndefined();
    // The escrow's paused() and balances and both probes travel in one Multicall3 call.
    expect(devnet.chains.l1.endpoints.reduce((sum, proxy) => sum + (proxy.calls().eth_call ?? 0), 0)).toBe(1);
    const reason = 'balanceOf(address) returned 1000000000000; expected at least 2000000000000.';
    expect(data.bridge.health).toMatchObject({
      status: 'DEGRADED',
      reasons: [`Probe "L1 escrow holds 2M jUSD" failed: ${reason}`],
      contracts: [{ readable: true, paused: false }, { readable: true, paused: false }],
      probes: [
        { probeId: failed.data.addBridgeProbe.id, label: 'L1 escrow holds 2M jUSD', chain: { id: chainIds.l1 }, address: devnet.contracts.token.l1, passed: false, value: '1000000000000', reason },
        { probeId: added.data.addBridgeProbe.id, label: 'L1 escrow not paused', chain: { id: chainIds.l1 }, address: devnet.contracts.escrow.address, passed: true, value: 'false', reason: 'paused() returned false, equal to false as expected.' },
      ],
    });

    const removed = await graphqlRequest(url, `mutation ($id: ID!) { removeBridgeProbe(id: $id) { label } }`, { id: failed.data.addBridgeProbe.id }, principalHeaders(OPERATOR));
    expect(removed.data.removeBridgeProbe).toEqual({ label: 'L1 escrow holds 2M jUSD' });
    const after = await health();
    expect(after.data.bridge.health).toMatchObject({ status: 'OPERATIONAL', probes: [{ label: 'L1 escrow not paused', passed: true }] });
  });

  it('refuses invalid probes with every problem named, writing nothing', async () => {
    const before = await probeLabels();
    const refuse = async (input: Record<string, unknown>, fieldErrors: Array<{ field: string; message: string }>) => {
      const { data, errors } = await graphqlRequest(url, ADD_PROBE, { bridgeId, input }, principalHeaders(OPERATOR));
      expect(data).toBeNull();
      expect(errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fieldErrors }]);
    };
    await refuse({ ...failing(), chainId: '00000000-0000-4000-8000-000000000000', address: '0x5427FEFA711eff984124bFBB1AB6fbf5E3DA1820', signature: 'function paused( view' }, [
      { field: 'input.chainId', message: 'no chain has id "00000000-0000-4000-8000-000000000000"' },
      { field: 'input.address', message: '"0x5427FEFA711eff984124bFBB1AB6fbf5E3DA1820" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)' },
      { field: 'input.signature', message: '"function paused( view" is not a human-readable ABI item; write it like "function paused() view returns (bool)".' },
    ]);
    await refuse({ ...failing(), signature: 'function pause()' }, [{ field: 'input.signature', message: '"function pause()" must be a view or pure function.' }]);
    await refuse({ ...failing(), args: [] }, [{ field: 'input.args', message: 'balanceOf takes 1 argument(s), but 0 were given.' }]);
    await refuse({ ...failing(), args: ['not an address'] }, [
      { field: 'input.args', message: 'do not fit balanceOf(address): Address "not an address" is invalid.' },
    ]);
    await refuse({ ...passing(), expect: { min: '1' } }, [{ field: 'input.expect', message: 'min and max need a function that returns an integer.' }]);
    await refuse({ ...failing(), expect: { max: '1.5' } }, [{ field: 'input.expect.max', message: 'max must be an integer (a number, bigint or decimal string).' }]);
    await refuse({ ...passing(), expect: { equals: 'no' } }, [{ field: 'input.expect.equals', message: 'must be true or false: paused() returns bool' }]);
    await refuse({ ...passing(), label: 'l1 ESCROW not paused' }, [
      { field: 'input.label', message: '"L1 escrow not paused" is already a probe of this bridge; pick another label' },
    ]);
    await refuse({ ...passing(), label: '' }, [{ field: 'input.label', message: 'label must be 1 to 120 characters' }]);
    expect(await probeLabels()).toEqual(before);
  });

  it('lets only operators add and remove probes', async () => {
    const errorsOf = (response: GraphQLResponse) => response.errors?.map(({ message, extensions }) => ({ message, extensions }));
    const needsKey = (field: string) => ({ message: `Mutation.${field} needs an API key; send one as "Authorization: Bearer <key>".`, extensions: { code: 'UNAUTHENTICATED' } });
    const needsOperator = (field: string) => ({ message: `Mutation.${field} needs a key with the role OPERATOR or above; yours is PARTNER.`, extensions: { code: 'FORBIDDEN' } });
    const partner = principalHeaders({ role: 'PARTNER', partnerId: '00000000-0000-4000-8000-000000000001', scopes: ['catalogue:write'] });
    expect(errorsOf(await graphqlRequest(url, ADD_PROBE, { bridgeId, input: failing() }, principalHeaders()))).toEqual([needsKey('addBridgeProbe')]);
    expect(errorsOf(await graphqlRequest(url, ADD_PROBE, { bridgeId, input: failing() }, partner))).toEqual([needsOperator('addBridgeProbe')]);
    const [probe] = (await graphqlRequest(url, `query ($id: ID!) { bridge(id: $id) { probes { id } } }`, { id: bridgeId }, principalHeaders())).data.bridge.probes;
    const removal = await graphqlRequest(url, `mutation ($id: ID!) { removeBridgeProbe(id: $id) { id } }`, { id: probe.id }, partner);
    expect(errorsOf(removal)).toEqual([needsOperator('removeBridgeProbe')]);
    expect(await probeLabels()).toEqual(['L1 escrow not paused']);
  });
});

describe('Bridge.health when upstreams are down', () => {
  it('says UNREACHABLE with UPSTREAM_UNAVAILABLE when the chains subgraph cannot be asked for endpoints', async () => {
    // A second bridges service on the same data, whose chains subgraph URL leads nowhere (and with its own, empty cache).
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const orphan = await createServer({
      store: testStore.store,
      dbSchema: testStore.schema('bridges'),
      principalSecret: TEST_PRINCIPAL_SECRET,
      directory: createEntityDirectory({ owners: {}, principalSecret: TEST_PRINCIPAL_SECRET }),
      chainsUrl: `http://127.0.0.1:${port}/graphql`,
      endpointRanking: false,
    });
    try {
      const orphanUrl = await orphan.server.listen(0);
      const { data, errors } = await graphqlRequest(orphanUrl, HEALTH, { id: bridgeId }, principalHeaders());
      expect(errors).toEqual([
        { message: 'The on-chain state of Demo Bridge is unavailable right now; try again shortly.', path: ['bridge', 'health'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
      ]);
      const reason = 'The chains subgraph is unavailable right now; try again shortly.';
      expect(data.bridge.health).toMatchObject({
        status: 'UNREACHABLE',
        reasons: [reason],
        stale: false,
        contracts: [
          { label: 'L1 escrow', readable: false, paused: null, reason },
          { label: 'L2a escrow', readable: false, paused: null, reason },
        ],
      });
    } finally {
      await orphan.close();
    }
  });


  it('returns the last known values flagged stale, with UPSTREAM_UNAVAILABLE at bridge.health', async () => {
    const before = await waitForStatus('OPERATIONAL', 10_000);
    expect(before.data.bridge.health.stale).toBe(false);
    const proxies = [...devnet.chains.l1.endpoints, ...devnet.chains.l2a.endpoints];
    for (const proxy of proxies) await proxy.kill();
    try {
      await sleep(1_000 * 5 + 500); // past freshness (1 s) + revalidation (4 s)
      const started = Date.now();
      const { data, errors } = await health();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(errors).toEqual([
        { message: 'The on-chain state of Demo Bridge is unavailable right now; try again shortly.', path: ['bridge', 'health'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } },
      ]);
      const stale = data.bridge.health;
      expect(stale).toMatchObject({ status: 'UNREACHABLE', stale: true, contracts: before.data.bridge.health.contracts, probes: before.data.bridge.health.probes });
      expect(stale.ageSeconds).toBeGreaterThan(5);
      expect(stale.reasons).toEqual([
        expect.stringMatching(/^The bridge's chains cannot be read right now; these are the last known values, \d+ s old\.$/),
        'Devnet l1 cannot be read: no RPC endpoint answers (the last one tried could not be reached).',
        'Devnet l2a cannot be read: no RPC endpoint answers (the last one tried could not be reached).',
      ]);
    } finally {
      for (const proxy of proxies) await proxy.revive();
    }
  }, 30_000);
});
