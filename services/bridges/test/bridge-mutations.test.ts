import { graphqlRequest, principalHeaders, OPERATOR } from '@junction/testing';
import { chainId, partnerId, startBridges, UNKNOWN_ID, type BridgesHarness } from './harness';

let harness: BridgesHarness;

beforeAll(async () => {
  harness = await startBridges();
});

afterAll(async () => {
  await harness.close();
});

/** Celer's Ethereum bridge: checksummed, all lower-case, and with one letter's case flipped (bad checksum). */
const CHECKSUMMED = '0x5427FEFA711Eff984124bFBB1AB6fbf5E3DA1820';
const LOWER_CASE = CHECKSUMMED.toLowerCase();
const BAD_CHECKSUM = '0x5427FEFA711eff984124bFBB1AB6fbf5E3DA1820';
const USDC_LOWER = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const BRIDGE_FIELDS = `id slug name kind provider securityModel validatedBy arbitraryMessaging nativeTokenRequired supportedChainsCount
  operator { id } websiteUrl docsUrl notes status createdAt updatedAt archivedAt
  contracts { chain { id } address role label pausable pauseFunctionSignature pauseFunctionSelector }
  routes { source { id } destination { id } tokenSymbol sourceTokenAddress destinationTokenAddress expectedDurationSeconds
    feeUsdMin feeUsdMax messageFeeUsdMin messageFeeUsdMax maxTransferUsd confirmationsRequired enabled }`;

const CREATE = `mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { ${BRIDGE_FIELDS} } }`;

const route = (overrides: Record<string, unknown> = {}) => ({
  sourceChainId: chainId('ethereum'),
  destinationChainId: chainId('base'),
  tokenSymbol: 'USDC',
  sourceTokenAddress: USDC_LOWER,
  expectedDurationSeconds: 600,
  feeUsdMin: 1,
  feeUsdMax: 3,
  messageFeeUsdMin: 0.1,
  messageFeeUsdMax: 0.25,
  maxTransferUsd: 25_000,
  confirmationsRequired: 12,
  ...overrides,
});

const contract = (overrides: Record<string, unknown> = {}) => ({
  chainId: chainId('ethereum'),
  address: LOWER_CASE,
  role: 'ESCROW',
  label: 'Escrow',
  pausable: true,
  pauseFunctionSignature: 'pause()',
  ...overrides,
});

const bridgeInput = (overrides: Record<string, unknown> = {}) => ({
  slug: 'test-bridge',
  name: 'Test Bridge',
  kind: 'THIRD_PARTY',
  provider: 'Test Labs',
  securityModel: 'MULTISIG',
  validatedBy: '3 of 5 multisig of Test Labs signers',
  arbitraryMessaging: false,
  supportedChainsCount: 3,
  operatorPartnerId: partnerId('layerzero-labs'),
  websiteUrl: 'https://bridge.example.org',
  contracts: [contract(), contract({ chainId: chainId('base'), address: '0x1a44076050125825900e736c501f859c50fE728c', role: 'MESSENGER', label: 'Messenger', pausable: false, pauseFunctionSignature: null })],
  routes: [route(), route({ sourceChainId: chainId('base'), destinationChainId: chainId('ethereum'), sourceTokenAddress: null, destinationTokenAddress: USDC_LOWER, expectedDurationSeconds: 900 })],
  ...overrides,
});

async function expectRejected(query: string, variables: Record<string, unknown>, fieldErrors: Array<{ field: string; message: string }>) {
  const before = await harness.rowCounts();
  const { data, errors } = await graphqlRequest(harness.url, query, variables, principalHeaders(OPERATOR));
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors });
  expect(await harness.rowCounts()).toEqual(before);
}

describe('createBridge', () => {
  it('writes a bridge with its contracts and routes, checks every chain id in one directory call, and reads them back', async () => {
    const callsBefore = harness.directoryCalls.length;
    const created = await graphqlRequest(harness.url, CREATE, { input: bridgeInput() }, principalHeaders(OPERATOR));
    expect(created.errors).toBeUndefined();
    const calls = harness.directoryCalls.slice(callsBefore);
    expect(calls.filter((call) => call.typename === 'Chain')).toHaveLength(1);
    expect(new Set(calls.find((call) => call.typename === 'Chain')?.ids)).toEqual(new Set([chainId('ethereum'), chainId('base')]));
    expect(calls.filter((call) => call.typename === 'Partner')).toEqual([{ typename: 'Partner', ids: [partnerId('layerzero-labs')] }]);

    const bridge = created.data.createBridge;
    expect(bridge).toMatchObject({
      slug: 'test-bridge',
      kind: 'THIRD_PARTY',
      securityModel: 'MULTISIG',
      nativeTokenRequired: false,
      status: 'ACTIVE',
      operator: { id: partnerId('layerzero-labs') },
      archivedAt: null,
    });
    expect(bridge.contracts).toEqual([
      { chain: { id: chainId('ethereum') }, address: CHECKSUMMED, role: 'ESCROW', label: 'Escrow', pausable: true, pauseFunctionSignature: 'pause()', pauseFunctionSelector: '0x8456cb59' },
      {
        chain: { id: chainId('base') }, address: '0x1a44076050125825900e736c501f859c50fE728c', role: 'MESSENGER', label: 'Messenger',
        pausable: false, pauseFunctionSignature: null, pauseFunctionSelector: null,
      },
    ]);
    expect(bridge.routes).toEqual([
      {
        source: { id: chainId('ethereum') }, destination: { id: chainId('base') }, tokenSymbol: 'USDC', sourceTokenAddress: USDC, destinationTokenAddress: null,
        expectedDurationSeconds: 600, feeUsdMin: 1, feeUsdMax: 3, messageFeeUsdMin: 0.1, messageFeeUsdMax: 0.25, maxTransferUsd: 25000, confirmationsRequired: 12, enabled: true,
      },
      {
        source: { id: chainId('base') }, destination: { id: chainId('ethereum') }, tokenSymbol: 'USDC', sourceTokenAddress: null, destinationTokenAddress: USDC,
        expectedDurationSeconds: 900, feeUsdMin: 1, feeUsdMax: 3, messageFeeUsdMin: 0.1, messageFeeUsdMax: 0.25, maxTransferUsd: 25000, confirmationsRequired: 12, enabled: true,
      },
    ]);

    const read = await graphqlRequest(harness.url, `query ($id: ID!) { bridge(id: $id) { ${BRIDGE_FIELDS} } }`, { id: bridge.id }, principalHeaders());
    expect(read.errors).toBeUndefined();
    expect(read.data.bridge).toEqual(bridge);
  });

  it.each([
    ['a mixed-case address with a wrong checksum', { contracts: [contract({ address: BAD_CHECKSUM })] }, 'input.contracts.0.address',
      `"${BAD_CHECKSUM}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)`],
    ['a malformed address', { contracts: [contract(), contract({ chainId: chainId('base'), address: '0x1234' })] }, 'input.contracts.1.address',
      '"0x1234" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)'],
    ['a malformed token address', { routes: [route({ destinationTokenAddress: 'not-an-address' })] }, 'input.routes.0.destinationTokenAddress',
      '"not-an-address" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)'],
    ['an unknown contract chain', { contracts: [contract({ chainId: UNKNOWN_ID })] }, 'input.contracts.0.chainId', `no chain has id "${UNKNOWN_ID}"`],
    ['an unknown route chain', { routes: [route(), route({ sourceChainId: UNKNOWN_ID })] }, 'input.routes.1.sourceChainId', `no chain has id "${UNKNOWN_ID}"`],
    ['a chain id that is not a UUID', { routes: [route({ destinationChainId: 'base' })] }, 'input.routes.0.destinationChainId', 'no chain has id "base"'],
    ['an unknown operator partner', { operatorPartnerId: UNKNOWN_ID }, 'input.operatorPartnerId', `no partner has id "${UNKNOWN_ID}"`],
    ['a route whose source is its destination', { routes: [route({ destinationChainId: chainId('ethereum') })] }, 'input.routes.0.destinationChainId',
      'must differ from sourceChainId: a route connects two chains'],
    ['a minimum fee above the maximum', { routes: [route({ feeUsdMin: 5, feeUsdMax: 3 })] }, 'input.routes.0.feeUsdMin', 'must not exceed feeUsdMax (5 > 3)'],
    ['a minimum message fee above the maximum', { routes: [route({ messageFeeUsdMin: 2, messageFeeUsdMax: 1 })] }, 'input.routes.0.messageFeeUsdMin',
      'must not exceed messageFeeUsdMax (2 > 1)'],
    ['one message fee without the other', { routes: [route({ messageFeeUsdMax: null })] }, 'input.routes.0.messageFeeUsdMax',
      'is required when the other message fee is set: give both or neither'],
    ['a duplicate slug', { slug: 'wormhole' }, 'input.slug', '"wormhole" is already used by Wormhole; pick another slug'],
    ['the same route twice', { routes: [route(), route({ tokenSymbol: 'usdc' })] }, 'input.routes.1.tokenSymbol', 'repeats input.routes.0: same source, destination and token'],
    ['the same contract twice', { contracts: [contract(), contract({ address: CHECKSUMMED, label: 'Again' })] }, 'input.contracts.1.address',
      'repeats input.contracts.0: same chain and address'],
    ['a pause function on a contract that cannot pause', { contracts: [contract({ pausable: false })] }, 'input.contracts.0.pauseFunctionSignature',
      'must be null unless pausable is true'],
    ['a malformed slug', { slug: 'Test Bridge' }, 'input.slug', 'slug must be lower-case letters, digits and single hyphens, e.g. "arbitrum-bridge"'],
    ['a negative fee', { routes: [route({ feeUsdMin: -1 })] }, 'input.routes.0.feeUsdMin', 'feeUsdMin must be 0 to 1000000 USD'],
    ['a malformed pause function', { contracts: [contract({ pauseFunctionSignature: 'pause' })] }, 'input.contracts.0.pauseFunctionSignature',
      'pauseFunctionSignature must be a Solidity function signature with canonical types and no spaces, e.g. "pause()" or "setPause(bool)"'],
    ['a bridge connecting one chain', { supportedChainsCount: 1 }, 'input.supportedChainsCount', 'supportedChainsCount must be 2 to 10000: a bridge connects at least two chains'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    await expectRejected(CREATE, { input: bridgeInput({ slug: 'rejected-bridge', ...overrides }) }, [{ field, message }]);
  });

  it('names every bad field at once, in input order', async () => {
    await expectRejected(
      CREATE,
      {
        input: bridgeInput({
          slug: 'layerzero',
          operatorPartnerId: UNKNOWN_ID,
          contracts: [contract({ address: BAD_CHECKSUM }), contract({ chainId: UNKNOWN_ID, address: CHECKSUMMED })],
          routes: [route({ destinationChainId: chainId('ethereum'), feeUsdMin: 9 })],
        }),
      },
      [
        { field: 'input.slug', message: '"layerzero" is already used by LayerZero; pick another slug' },
        { field: 'input.operatorPartnerId', message: `no partner has id "${UNKNOWN_ID}"` },
        { field: 'input.contracts.0.address', message: `"${BAD_CHECKSUM}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)` },
        { field: 'input.contracts.1.chainId', message: `no chain has id "${UNKNOWN_ID}"` },
        { field: 'input.routes.0.destinationChainId', message: 'must differ from sourceChainId: a route connects two chains' },
        { field: 'input.routes.0.feeUsdMin', message: 'must not exceed feeUsdMax (9 > 3)' },
      ],
    );
  });

  it('answers UPSTREAM_UNAVAILABLE and writes nothing when the chains subgraph does not answer', async () => {
    const chainsUrl = harness.owners.Chain;
    harness.owners.Chain = 'http://127.0.0.1:1/graphql';
    try {
      const before = await harness.rowCounts();
      const { data, errors } = await graphqlRequest(harness.url, CREATE, { input: bridgeInput({ slug: 'orphan-bridge' }) }, principalHeaders(OPERATOR));
      expect(data).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          message: 'The subgraph that owns Chain is unavailable right now; try again shortly.',
          extensions: { code: 'UPSTREAM_UNAVAILABLE' },
        }),
      ]);
      expect(await harness.rowCounts()).toEqual(before);
    } finally {
      harness.owners.Chain = chainsUrl;
    }
  });

  it('rejects an unknown enum value before any resolver runs, writing nothing', async () => {
    const before = await harness.rowCounts();
    const { errors } = await graphqlRequest(harness.url, CREATE, { input: bridgeInput({ slug: 'enum-bridge', securityModel: 'TRUST_ME' }) }, principalHeaders(OPERATOR));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('TRUST_ME');
    expect(await harness.rowCounts()).toEqual(before);
  });
});

describe('updateBridge and archiveBridge', () => {
  const UPDATE = `mutation ($id: ID!, $input: UpdateBridgeInput!) { updateBridge(id: $id, input: $input) { name status websiteUrl operator { id } updatedAt } }`;
  let id: string;
  let createdAt: string;

  beforeAll(async () => {
    const { data } = await graphqlRequest(harness.url, CREATE, { input: bridgeInput({ slug: 'updatable-bridge', contracts: [], routes: [] }) }, principalHeaders(OPERATOR));
    id = data.createBridge.id;
    createdAt = data.createBridge.updatedAt;
  });

  it('changes the given fields, clears nulls, and keeps the rest', async () => {
    const { data, errors } = await graphqlRequest(harness.url, UPDATE, { id, input: { name: 'Renamed Bridge', status: 'PAUSED_BY_OPERATOR', websiteUrl: null } }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.updateBridge).toMatchObject({ name: 'Renamed Bridge', status: 'PAUSED_BY_OPERATOR', websiteUrl: null, operator: { id: partnerId('layerzero-labs') } });
    expect(new Date(data.updateBridge.updatedAt).getTime()).toBeGreaterThan(new Date(createdAt).getTime());
  });

  it('refuses null for a required field and an unknown operator', async () => {
    await expectRejected(UPDATE, { id, input: { name: null, operatorPartnerId: UNKNOWN_ID } }, [
      { field: 'input.name', message: 'cannot be null; leave it out to keep the current value' },
      { field: 'input.operatorPartnerId', message: `no partner has id "${UNKNOWN_ID}"` },
    ]);
  });

  it('answers NOT_FOUND for an unknown id on update and null on lookup', async () => {
    const update = await graphqlRequest(harness.url, UPDATE, { id: 'not-a-uuid', input: { name: 'x' } }, principalHeaders(OPERATOR));
    expect(update.errors?.[0]).toMatchObject({ message: 'No active bridge with id "not-a-uuid" exists.', extensions: { code: 'NOT_FOUND' } });
    const lookup = await graphqlRequest(harness.url, `{ bridge(id: "${UNKNOWN_ID}") { id } }`, {}, principalHeaders());
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data.bridge).toBeNull();
  });

  it('archives: the bridge leaves lists, stays resolvable by id, and can no longer be changed', async () => {
    const archived = await graphqlRequest(harness.url, `mutation ($id: ID!) { archiveBridge(id: $id) { archivedAt } }`, { id }, principalHeaders(OPERATOR));
    expect(archived.data.archiveBridge.archivedAt).toEqual(expect.any(String));

    const list = await graphqlRequest(harness.url, `{ bridges(first: 100, filter: { search: "renamed" }) { nodes { id } } }`, {}, principalHeaders());
    expect(list.data.bridges.nodes).toEqual([]);
    const withArchived = await graphqlRequest(harness.url, `{ bridges(first: 100, filter: { search: "renamed", includeArchived: true }) { nodes { id } } }`, {}, principalHeaders());
    expect(withArchived.data.bridges.nodes).toEqual([{ id }]);
    const byId = await graphqlRequest(harness.url, `query ($id: ID!) { bridge(id: $id) { slug archivedAt } }`, { id }, principalHeaders());
    expect(byId.data.bridge).toEqual({ slug: 'updatable-bridge', archivedAt: archived.data.archiveBridge.archivedAt });

    const notFound = { message: `No active bridge with id "${id}" exists.`, extensions: { code: 'NOT_FOUND' } };
    const update = await graphqlRequest(harness.url, UPDATE, { id, input: { name: 'Again' } }, principalHeaders(OPERATOR));
    expect(update.errors?.[0]).toMatchObject(notFound);
    const again = await graphqlRequest(harness.url, `mutation ($id: ID!) { archiveBridge(id: $id) { id } }`, { id }, principalHeaders(OPERATOR));
    expect(again.errors?.[0]).toMatchObject(notFound);
    const addRoute = await graphqlRequest(harness.url, `mutation ($id: ID!, $input: BridgeRouteInput!) { addBridgeRoute(bridgeId: $id, input: $input) { id } }`, {
      id,
      input: route(),
    }, principalHeaders(OPERATOR));
    expect(addRoute.errors?.[0]).toMatchObject(notFound);
  });
});

describe('contracts and routes of an existing bridge', () => {
  const ADD_CONTRACT = `mutation ($bridgeId: ID!, $input: BridgeContractInput!) {
    addBridgeContract(bridgeId: $bridgeId, input: $input) { id address chain { id } bridge { slug updatedAt } } }`;
  const ADD_ROUTE = `mutation ($bridgeId: ID!, $input: BridgeRouteInput!) { addBridgeRoute(bridgeId: $bridgeId, input: $input) { id tokenSymbol } }`;
  const UPDATE_ROUTE = `mutation ($id: ID!, $input: UpdateBridgeRouteInput!) {
    updateBridgeRoute(id: $id, input: $input) { feeUsdMin feeUsdMax maxTransferUsd enabled sourceTokenAddress } }`;
  let bridgeId: string;
  let routeId: string;

  beforeAll(async () => {
    const { data } = await graphqlRequest(harness.url, CREATE, { input: bridgeInput({ slug: 'growing-bridge', contracts: [], routes: [route()] }) }, principalHeaders(OPERATOR));
    bridgeId = data.createBridge.id;
    const routes = await graphqlRequest(harness.url, `query ($id: ID!) { bridge(id: $id) { routes { id } } }`, { id: bridgeId }, principalHeaders());
    routeId = routes.data.bridge.routes[0].id;
  });

  it('adds a contract given in lower case, stores it checksummed, and refuses it twice', async () => {
    const callsBefore = harness.directoryCalls.length;
    const added = await graphqlRequest(harness.url, ADD_CONTRACT, { bridgeId, input: contract() }, principalHeaders(OPERATOR));
    expect(added.errors).toBeUndefined();
    expect(added.data.addBridgeContract).toMatchObject({ address: CHECKSUMMED, chain: { id: chainId('ethereum') }, bridge: { slug: 'growing-bridge' } });
    expect(harness.directoryCalls.slice(callsBefore)).toEqual([{ typename: 'Chain', ids: [chainId('ethereum')] }]);

    await expectRejected(ADD_CONTRACT, { bridgeId, input: contract({ address: CHECKSUMMED, label: 'Second escrow' }) }, [
      { field: 'input.address', message: `${CHECKSUMMED} is already listed for this bridge on that chain, as "Escrow"` },
    ]);
  });

  it('refuses a contract with a bad checksum or on an unknown chain', async () => {
    await expectRejected(ADD_CONTRACT, { bridgeId, input: contract({ chainId: UNKNOWN_ID, address: BAD_CHECKSUM }) }, [
      { field: 'input.chainId', message: `no chain has id "${UNKNOWN_ID}"` },
      { field: 'input.address', message: `"${BAD_CHECKSUM}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)` },
    ]);
  });

  it('removes a contract, then answers NOT_FOUND for it', async () => {
    const added = await graphqlRequest(harness.url, ADD_CONTRACT, {
      bridgeId,
      input: contract({ chainId: chainId('base'), label: 'Base escrow', pausable: false, pauseFunctionSignature: null }),
    }, principalHeaders(OPERATOR));
    const id = added.data.addBridgeContract.id;
    const removed = await graphqlRequest(harness.url, `mutation ($id: ID!) { removeBridgeContract(id: $id) { id label } }`, { id }, principalHeaders(OPERATOR));
    expect(removed.data.removeBridgeContract).toEqual({ id, label: 'Base escrow' });
    const again = await graphqlRequest(harness.url, `mutation ($id: ID!) { removeBridgeContract(id: $id) { id } }`, { id }, principalHeaders(OPERATOR));
    expect(again.errors?.[0]).toMatchObject({ message: `No bridge contract with id "${id}" exists.`, extensions: { code: 'NOT_FOUND' } });
  });

  it('adds a route and refuses a second one for the same direction and token', async () => {
    const added = await graphqlRequest(harness.url, ADD_ROUTE, { bridgeId, input: route({ destinationChainId: chainId('op-mainnet'), tokenSymbol: 'USDC.e' }) }, principalHeaders(OPERATOR));
    expect(added.errors).toBeUndefined();
    expect(added.data.addBridgeRoute.tokenSymbol).toBe('USDC.e');
    await expectRejected(ADD_ROUTE, { bridgeId, input: route({ tokenSymbol: 'usdc' }) }, [
      { field: 'input.tokenSymbol', message: 'this bridge already has a USDC route from that source to that destination' },
    ]);
    await expectRejected(ADD_ROUTE, { bridgeId, input: route({ tokenSymbol: 'DAI', destinationChainId: chainId('ethereum') }) }, [
      { field: 'input.destinationChainId', message: 'must differ from sourceChainId: a route connects two chains' },
    ]);
  });

  it('updates a route, checking fees against the stored ones', async () => {
    await expectRejected(UPDATE_ROUTE, { id: routeId, input: { feeUsdMin: 50 } }, [{ field: 'input.feeUsdMin', message: 'must not exceed feeUsdMax (50 > 3)' }]);
    await expectRejected(UPDATE_ROUTE, { id: routeId, input: { sourceTokenAddress: BAD_CHECKSUM, enabled: null } }, [
      { field: 'input.enabled', message: 'cannot be null; leave it out to keep the current value' },
      { field: 'input.sourceTokenAddress', message: `"${BAD_CHECKSUM}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)` },
    ]);
    const { data, errors } = await graphqlRequest(harness.url, UPDATE_ROUTE, { id: routeId, input: { feeUsdMin: 50, feeUsdMax: 60, maxTransferUsd: null, enabled: false } }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.updateBridgeRoute).toEqual({ feeUsdMin: 50, feeUsdMax: 60, maxTransferUsd: null, enabled: false, sourceTokenAddress: USDC });
  });

  it('removes a route, then answers NOT_FOUND for it', async () => {
    const removed = await graphqlRequest(harness.url, `mutation ($id: ID!) { removeBridgeRoute(id: $id) { id bridge { slug } } }`, { id: routeId }, principalHeaders(OPERATOR));
    expect(removed.data.removeBridgeRoute).toEqual({ id: routeId, bridge: { slug: 'growing-bridge' } });
    const update = await graphqlRequest(harness.url, UPDATE_ROUTE, { id: routeId, input: { enabled: true } }, principalHeaders(OPERATOR));
    expect(update.errors?.[0]).toMatchObject({ message: `No bridge route with id "${routeId}" exists.`, extensions: { code: 'NOT_FOUND' } });
  });
});
