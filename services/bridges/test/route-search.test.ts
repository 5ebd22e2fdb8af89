import { graphqlRequest, principalHeaders, type GraphQLResponse, OPERATOR } from '@junction/testing';
import { chainId, startBridges, type BridgesHarness } from './harness';

let harness: BridgesHarness;

beforeAll(async () => {
  harness = await startBridges();
});

afterAll(async () => {
  await harness.close();
});

const SEARCH = `query ($source: ID!, $destination: ID!, $token: String, $maxDurationSeconds: Int, $amountUsd: Float, $first: Int! = 20, $after: String) {
  bridgeRoutes(sourceChainId: $source, destinationChainId: $destination, token: $token, maxDurationSeconds: $maxDurationSeconds,
    amountUsd: $amountUsd, first: $first, after: $after) {
    nodes { id bridge { slug } tokenSymbol expectedDurationSeconds feeUsdMin maxTransferUsd source { id } destination { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type RouteNode = { bridge: { slug: string }; tokenSymbol: string; expectedDurationSeconds: number; feeUsdMin: number; maxTransferUsd: number | null };

const ETHEREUM_TO_POLYGON = { source: chainId('ethereum'), destination: chainId('polygon-pos') };

async function search(variables: Record<string, unknown>): Promise<RouteNode[]> {
  const { data, errors } = await graphqlRequest(harness.url, SEARCH, { ...ETHEREUM_TO_POLYGON, ...variables }, principalHeaders());
  expect(errors).toBeUndefined();
  return data.bridgeRoutes.nodes;
}

const slugs = (nodes: RouteNode[]) => nodes.map((node) => node.bridge.slug);

describe('bridgeRoutes', () => {
  it('lists routes from A to B fastest first, then cheapest, with the published figures', async () => {
    const nodes = await search({});
    expect(nodes.map(({ bridge, tokenSymbol, expectedDurationSeconds, feeUsdMin, maxTransferUsd }) => [bridge.slug, tokenSymbol, expectedDurationSeconds, feeUsdMin, maxTransferUsd])).toEqual([
      ['layerzero', 'USDC', 120, 10, null],
      ['celer-cbridge', 'USDC', 180, 8, 50000],
      ['wormhole', 'USDC', 300, 12, null],
      ['axelar', 'USDC', 300, 15, 100000],
      ['hyperlane', 'USDC', 600, 10, 50000],
      ['chainlink-ccip', 'USDC', 1200, 15, 50000],
      ['polygon-pos-bridge', 'ETH', 1800, 0.3, null],
    ]);
    const { data } = await graphqlRequest(harness.url, SEARCH, ETHEREUM_TO_POLYGON, principalHeaders());
    expect(data.bridgeRoutes.nodes[0]).toMatchObject({ source: { id: chainId('ethereum') }, destination: { id: chainId('polygon-pos') } });
  });

  it('goes one way only: the other direction is its own list', async () => {
    const back = await search({ source: chainId('polygon-pos'), destination: chainId('ethereum') });
    expect(slugs(back).at(-1)).toBe('polygon-pos-bridge');
    expect(back.at(-1)?.expectedDurationSeconds).toBe(3 * 60 * 60);
  });

  it('filters by token (case-insensitive), deadline and amount', async () => {
    expect(slugs(await search({ token: 'eth' }))).toEqual(['polygon-pos-bridge']);
    expect(slugs(await search({ token: 'USDC', maxDurationSeconds: 300 }))).toEqual(['layerzero', 'celer-cbridge', 'wormhole', 'axelar']);
    expect(slugs(await search({ amountUsd: 60_000 }))).toEqual(['layerzero', 'wormhole', 'axelar', 'polygon-pos-bridge']);
    expect(slugs(await search({ amountUsd: 100_000 }))).toEqual(['layerzero', 'wormhole', 'axelar', 'polygon-pos-bridge']);
    expect(slugs(await search({ amountUsd: 100_000.01 }))).toEqual(['layerzero', 'wormhole', 'polygon-pos-bridge']);
  });

  it('pages with cursors in the same order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors }: GraphQLResponse = await graphqlRequest(harness.url, SEARCH, { ...ETHEREUM_TO_POLYGON, first: 2, after }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data.bridgeRoutes.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...slugs(data.bridgeRoutes.nodes));
      if (!data.bridgeRoutes.pageInfo.hasNextPage) break;
      after = data.bridgeRoutes.pageInfo.endCursor;
    }
    expect(seen).toEqual(slugs(await search({})));
  });

  it('leaves out disabled routes and routes of paused or archived bridges', async () => {
    const wormhole = await graphqlRequest(harness.url, `{ bridge(slug: "wormhole") { id routes(first: 100) { id destination { id } } } }`, {}, principalHeaders());
    const toPolygon = wormhole.data.bridge.routes.find((route: { destination: { id: string } }) => route.destination.id === chainId('polygon-pos'));
    const disable = await graphqlRequest(harness.url, `mutation ($id: ID!) { updateBridgeRoute(id: $id, input: { enabled: false }) { enabled } }`, { id: toPolygon.id }, principalHeaders(OPERATOR));
    expect(disable.data.updateBridgeRoute.enabled).toBe(false);
    expect(slugs(await search({}))).not.toContain('wormhole');

    const axelar = await graphqlRequest(harness.url, `{ bridge(slug: "axelar") { id } }`, {}, principalHeaders());
    await graphqlRequest(harness.url, `mutation ($id: ID!) { updateBridge(id: $id, input: { status: PAUSED_BY_OPERATOR }) { status } }`, { id: axelar.data.bridge.id }, principalHeaders(OPERATOR));
    expect(slugs(await search({}))).not.toContain('axelar');

    const hyperlane = await graphqlRequest(harness.url, `{ bridge(slug: "hyperlane") { id } }`, {}, principalHeaders());
    await graphqlRequest(harness.url, `mutation ($id: ID!) { archiveBridge(id: $id) { id } }`, { id: hyperlane.data.bridge.id }, principalHeaders(OPERATOR));
    expect(slugs(await search({}))).toEqual(['layerzero', 'celer-cbridge', 'chainlink-ccip', 'polygon-pos-bridge']);
  });

  it('answers an empty page for chains that cannot exist', async () => {
    expect(await search({ source: 'ethereum' })).toEqual([]);
  });

  it.each([
    ['the same chain twice', { destination: chainId('ethereum') }, 'destinationChainId', 'must differ from sourceChainId'],
    ['a negative amount', { amountUsd: -1 }, 'amountUsd', 'amountUsd must be 0 or more'],
    ['a zero deadline', { maxDurationSeconds: 0 }, 'maxDurationSeconds', 'maxDurationSeconds must be at least 1'],
    ['a page larger than the bound', { first: 101 }, 'first', 'first must be at most 100; page through larger lists with after'],
    ['a cursor this API did not issue', { after: 'bm9wZQ' }, 'after', 'is not a cursor this API issued; pass a pageInfo.endCursor'],
  ])('refuses %s', async (_case, variables, field, message) => {
    const { data, errors } = await graphqlRequest(harness.url, SEARCH, { ...ETHEREUM_TO_POLYGON, ...variables }, principalHeaders());
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
  });
});
