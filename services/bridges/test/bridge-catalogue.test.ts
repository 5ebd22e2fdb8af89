import { isAddress } from 'viem';
import { graphqlRequest, principalHeaders, type GraphQLResponse } from '@junction/testing';
import { SEED_BRIDGES } from '../src/seed/catalogue';
import { bridgeId, chainId, partnerId, startBridges, UNKNOWN_ID, type BridgesHarness } from './harness';

let harness: BridgesHarness;

beforeAll(async () => {
  harness = await startBridges();
});

afterAll(async () => {
  await harness.close();
});

const ALL_NAMES = [
  'Arbitrum Bridge', 'Axelar', 'Base Bridge', 'Celer cBridge', 'Chainlink CCIP', 'Hyperlane', 'LayerZero', 'Linea Bridge',
  'OP Standard Bridge', 'Polygon PoS Bridge', 'Scroll Bridge', 'Wormhole', 'ZKsync Era Bridge',
];

const names = (query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest(harness.url, query, variables, principalHeaders()).then(({ data, errors }) => {
    expect(errors).toBeUndefined();
    return data.bridges.nodes.map((node: { name: string }) => node.name);
  });

describe('the seed catalogue', () => {
  it('holds the 13 bridges of the roster, with seed ids and their operators', async () => {
    const { data, errors } = await graphqlRequest(harness.url, `{ bridges(first: 100) { nodes { id slug name operator { id } } } }`, {}, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.bridges.nodes.map((node: { name: string }) => node.name)).toEqual(ALL_NAMES);
    for (const node of data.bridges.nodes) expect(node.id).toBe(bridgeId(node.slug));
    const operators = Object.fromEntries(data.bridges.nodes.map((node: { slug: string; operator: { id: string } }) => [node.slug, node.operator.id]));
    expect(operators).toMatchObject({
      'arbitrum-bridge': partnerId('offchain-labs'),
      'base-bridge': partnerId('base-team'),
      wormhole: partnerId('wormhole-foundation'),
      'chainlink-ccip': partnerId('chainlink-labs'),
      hyperlane: partnerId('abacus-works'),
    });
  });

  it('stores every seeded address EIP-55 checksummed', () => {
    const addresses = SEED_BRIDGES.flatMap((bridge) => [
      ...bridge.contracts.map((contract) => contract.address),
      ...bridge.routes.flatMap((route) => [route.sourceTokenAddress, route.destinationTokenAddress]).filter((a): a is string => a !== null),
    ]);
    expect(addresses.length).toBeGreaterThan(40);
    for (const address of addresses) {
      expect(isAddress(address, { strict: true })).toBe(true);
      expect(address).not.toBe(address.toLowerCase());
    }
  });

  it('serves a canonical bridge with its L1 contracts and its 7-day withdrawal', async () => {
    const { data, errors } = await graphqlRequest(
      harness.url,
      `{ bridge(slug: "op-standard-bridge") { kind securityModel arbitraryMessaging supportedChainsCount
          contracts { address role chain { id } }
          routes { source { id } destination { id } tokenSymbol expectedDurationSeconds maxTransferUsd } } }`, {}, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data.bridge).toMatchObject({ kind: 'CANONICAL', securityModel: 'NATIVE_ROLLUP_PROOFS', arbitraryMessaging: true, supportedChainsCount: 2 });
    expect(data.bridge.contracts).toContainEqual({ address: '0xbEb5Fc579115071764c7423A4f12eDde41f106Ed', role: 'ESCROW', chain: { id: chainId('ethereum') } });
    expect(data.bridge.routes).toEqual([
      { source: { id: chainId('ethereum') }, destination: { id: chainId('op-mainnet') }, tokenSymbol: 'ETH', expectedDurationSeconds: 180, maxTransferUsd: null },
      { source: { id: chainId('op-mainnet') }, destination: { id: chainId('ethereum') }, tokenSymbol: 'ETH', expectedDurationSeconds: 604800, maxTransferUsd: null },
    ]);
  });

  it('serves a third-party bridge with the published figures', async () => {
    const { data } = await graphqlRequest(
      harness.url,
      `{ bridge(slug: "axelar") { securityModel validatedBy supportedChainsCount nativeTokenRequired
          routes(first: 1) { source { id } destination { id } expectedDurationSeconds feeUsdMin feeUsdMax messageFeeUsdMin messageFeeUsdMax maxTransferUsd } } }`, {}, principalHeaders(),
    );
    expect(data.bridge).toMatchObject({ securityModel: 'VALIDATOR_SET', supportedChainsCount: 55, nativeTokenRequired: false });
    expect(data.bridge.routes).toHaveLength(1);
    expect(data.bridge.routes[0]).toMatchObject({ expectedDurationSeconds: 300, feeUsdMin: 15, feeUsdMax: 30, messageFeeUsdMin: 0.3, messageFeeUsdMax: 1, maxTransferUsd: 100000 });
    const wormhole = await graphqlRequest(harness.url, `{ bridge(slug: "wormhole") { validatedBy securityModel } }`, {}, principalHeaders());
    expect(wormhole.data.bridge).toEqual({ securityModel: 'GUARDIAN_NETWORK', validatedBy: expect.stringContaining('19 Wormhole Guardians, 13 of 19 signatures') });
  });
});

describe('bridges', () => {
  it('filters by kind, security model and operator', async () => {
    expect(await names(`{ bridges(first: 100, filter: { kinds: [CANONICAL] }) { nodes { name } } }`)).toEqual([
      'Arbitrum Bridge', 'Base Bridge', 'Linea Bridge', 'OP Standard Bridge', 'Polygon PoS Bridge', 'Scroll Bridge', 'ZKsync Era Bridge',
    ]);
    expect(await names(`{ bridges(first: 100, filter: { securityModels: [VALIDATOR_SET, GUARDIAN_NETWORK] }) { nodes { name } } }`)).toEqual([
      'Axelar', 'Celer cBridge', 'Polygon PoS Bridge', 'Wormhole',
    ]);
    expect(await names(`query ($id: ID!) { bridges(filter: { operatorPartnerId: $id }) { nodes { name } } }`, { id: partnerId('matter-labs') })).toEqual([
      'ZKsync Era Bridge',
    ]);
  });

  it('filters by chain (a route or a contract there) and by a pair of chains in either direction', async () => {
    expect(await names(`query ($id: ID!) { bridges(filter: { chainId: $id }) { nodes { name } } }`, { id: chainId('base') })).toEqual([
      'Axelar', 'Base Bridge', 'Chainlink CCIP', 'Hyperlane', 'LayerZero', 'Wormhole',
    ]);
    expect(await names(`query ($id: ID!) { bridges(filter: { chainId: $id }) { nodes { name } } }`, { id: chainId('sepolia') })).toEqual([]);
    const pair = `query ($a: ID!, $b: ID!) { bridges(filter: { betweenChains: { chainA: $a, chainB: $b } }) { nodes { name } } }`;
    const polygonFirst = await names(pair, { a: chainId('polygon-pos'), b: chainId('ethereum') });
    expect(polygonFirst).toEqual(['Axelar', 'Celer cBridge', 'Chainlink CCIP', 'Hyperlane', 'LayerZero', 'Polygon PoS Bridge', 'Wormhole']);
    expect(await names(pair, { a: chainId('ethereum'), b: chainId('polygon-pos') })).toEqual(polygonFirst);
    expect(await names(pair, { a: chainId('base'), b: chainId('op-mainnet') })).toEqual([]);
  });

  it('searches name, slug and provider, and answers an empty page for ids that cannot exist', async () => {
    expect(await names(`{ bridges(filter: { search: "chainlink" }) { nodes { name } } }`)).toEqual(['Chainlink CCIP']);
    expect(await names(`{ bridges(filter: { search: "OP STACK" }) { nodes { name } } }`)).toEqual(['Base Bridge', 'OP Standard Bridge']);
    expect(await names(`{ bridges(filter: { chainId: "ethereum" }) { nodes { name } } }`)).toEqual([]);
  });

  it('refuses a pair of chains that is one chain', async () => {
    const { data, errors } = await graphqlRequest(harness.url, `query ($a: ID!) { bridges(filter: { betweenChains: { chainA: $a, chainB: $a } }) { nodes { id } } }`, {
      a: chainId('base'),
    }, principalHeaders());
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'filter.betweenChains.chainB', message: 'must differ from chainA' }] });
  });

  it('pages through bridges by name and never returns more than asked', async () => {
    const query = `query ($after: String) { bridges(first: 4, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors }: GraphQLResponse = await graphqlRequest(harness.url, query, { after }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data.bridges.nodes.length).toBeLessThanOrEqual(4);
      seen.push(...data.bridges.nodes.map((node: { name: string }) => node.name));
      if (!data.bridges.pageInfo.hasNextPage) break;
      after = data.bridges.pageInfo.endCursor;
    }
    expect(seen).toEqual(ALL_NAMES);
  });

  it('refuses a page larger than the bound, and a nested list larger than the bound', async () => {
    const page = await graphqlRequest(harness.url, `{ bridges(first: 500) { nodes { id } } }`, {}, principalHeaders());
    expect(page.data).toBeNull();
    expect(page.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'first', message: 'first must be at most 100; page through larger lists with after' }],
    });
    const nested = await graphqlRequest(harness.url, `{ bridge(slug: "layerzero") { routes(first: 101) { id } } }`, {}, principalHeaders());
    expect(nested.data).toEqual({ bridge: null });
    expect(nested.errors?.[0]).toMatchObject({
      path: ['bridge', 'routes'],
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first', message: 'first must be at most 100' }] },
    });
  });

  it('answers null for an unknown bridge and for a slug no bridge has', async () => {
    const { data, errors } = await graphqlRequest(harness.url, `query ($id: ID!) { byId: bridge(id: $id) { id } bySlug: bridge(slug: "nope") { id } }`, { id: UNKNOWN_ID }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data).toEqual({ byId: null, bySlug: null });
  });
});
