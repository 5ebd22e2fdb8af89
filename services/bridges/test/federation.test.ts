import { graphqlRequest, principalHeaders, OPERATOR } from '@junction/testing';
import { bridgeId, chainId, partnerId, startBridges, UNKNOWN_ID, type BridgesHarness } from './harness';

let harness: BridgesHarness;

beforeAll(async () => {
  harness = await startBridges();
});

afterAll(async () => {
  await harness.close();
});

const CHAIN_BRIDGES = `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Chain { id bridges(first: $first) { slug } } } }`;

const chainReferences = (...slugs: string[]) => slugs.map((slug) => ({ __typename: 'Chain', id: chainId(slug) }));
const bridgeSlugs = (entity: { bridges: Array<{ slug: string }> }) => entity.bridges.map((bridge) => bridge.slug);

describe('Chain.bridges', () => {
  it('lists the bridges with a route or contract on each chain, by name, with one SQL query for the whole batch', async () => {
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(harness.url, CHAIN_BRIDGES, {
      r: chainReferences('polygon-pos', 'linea', 'sepolia', 'arbitrum-nova'),
      first: 20,
    }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(1);
    expect(data._entities.map(bridgeSlugs)).toEqual([
      ['axelar', 'celer-cbridge', 'chainlink-ccip', 'hyperlane', 'layerzero', 'polygon-pos-bridge', 'wormhole'],
      ['linea-bridge'],
      [],
      ['arbitrum-bridge'],
    ]);
  });

  it('bounds each chain’s list by `first` in SQL, still with one query', async () => {
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(harness.url, CHAIN_BRIDGES, { r: chainReferences('ethereum', 'base', 'op-mainnet'), first: 3 }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(1);
    expect(data._entities.map(bridgeSlugs)).toEqual([
      ['arbitrum-bridge', 'axelar', 'base-bridge'],
      ['axelar', 'base-bridge', 'chainlink-ccip'],
      ['axelar', 'celer-cbridge', 'chainlink-ccip'],
    ]);
    expect(harness.service.db.queries.statements[0]).toMatch(/row_number\(\) OVER \(PARTITION BY link\.chain_id/);
  });

  it('defaults to 20 per chain and refuses more than 100', async () => {
    const defaulted = await graphqlRequest(harness.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { bridges { slug } } } }`, {
      r: chainReferences('ethereum'),
    }, principalHeaders());
    expect(defaulted.data._entities[0].bridges).toHaveLength(13);
    const tooMany = await graphqlRequest(harness.url, CHAIN_BRIDGES, { r: chainReferences('ethereum'), first: 101 }, principalHeaders());
    expect(tooMany.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first', message: 'first must be at most 100' }] });
  });

  it('batches nested lists too: bridges of N chains with their contracts and routes cost three queries', async () => {
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      harness.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { bridges(first: 5) { slug contracts { address } routes(first: 2) { tokenSymbol } } } } }`,
      { r: chainReferences('ethereum', 'base', 'scroll', 'arbitrum-one') }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data._entities[2].bridges[0].contracts.length).toBeGreaterThan(0);
    expect(harness.service.db.queries.count).toBe(3);
  });
});

describe('Partner.bridges', () => {
  it('lists the bridges each partner operates, with one SQL query for the whole batch', async () => {
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      harness.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { id bridges { slug } } } }`,
      { r: ['offchain-labs', 'wormhole-foundation', 'alchemy', 'chainlink-labs'].map((slug) => ({ __typename: 'Partner', id: partnerId(slug) })) }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(1);
    expect(data._entities.map(bridgeSlugs)).toEqual([['arbitrum-bridge'], ['wormhole'], [], ['chainlink-ccip']]);
  });
});

describe('Bridge references', () => {
  it('resolves N bridge references with one SQL query, null for unknown ids', async () => {
    const slugs = ['wormhole', 'base-bridge', 'layerzero', 'scroll-bridge'];
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(harness.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { slug operator { id } } } }`, {
      r: [...slugs.map((slug) => ({ __typename: 'Bridge', id: bridgeId(slug) })), { __typename: 'Bridge', id: UNKNOWN_ID }],
    }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(1);
    expect(data._entities.map((entity: { slug: string } | null) => entity?.slug ?? null)).toEqual([...slugs, null]);
    expect(data._entities[0].operator).toEqual({ id: partnerId('wormhole-foundation') });
  });

  it('keeps archived bridges resolvable by reference but out of Chain.bridges', async () => {
    const created = await graphqlRequest(
      harness.url,
      `mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { id } }`,
      {
        input: {
          slug: 'aaa-short-lived', name: 'AAA Short-lived', kind: 'THIRD_PARTY', provider: 'Test', securityModel: 'MULTISIG',
          validatedBy: '2 of 3 multisig', arbitraryMessaging: false, supportedChainsCount: 2,
          routes: [{ sourceChainId: chainId('ethereum'), destinationChainId: chainId('linea'), tokenSymbol: 'ETH', expectedDurationSeconds: 60, feeUsdMin: 1, feeUsdMax: 2, confirmationsRequired: 1 }],
        },
      }, principalHeaders(OPERATOR),
    );
    const id = created.data.createBridge.id;
    const before = await graphqlRequest(harness.url, CHAIN_BRIDGES, { r: chainReferences('linea'), first: 20 }, principalHeaders());
    expect(bridgeSlugs(before.data._entities[0])).toEqual(['aaa-short-lived', 'linea-bridge']);
    await graphqlRequest(harness.url, `mutation ($id: ID!) { archiveBridge(id: $id) { id } }`, { id }, principalHeaders(OPERATOR));
    const after = await graphqlRequest(harness.url, CHAIN_BRIDGES, { r: chainReferences('linea'), first: 20 }, principalHeaders());
    expect(bridgeSlugs(after.data._entities[0])).toEqual(['linea-bridge']);
    const reference = await graphqlRequest(harness.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { slug archivedAt } } }`, {
      r: [{ __typename: 'Bridge', id }],
    }, principalHeaders());
    expect(reference.data._entities[0]).toEqual({ slug: 'aaa-short-lived', archivedAt: expect.any(String) });
  });
});
