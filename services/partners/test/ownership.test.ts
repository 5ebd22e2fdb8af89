import { seedId } from '@junction/federation';
import { graphqlRequest, principalHeaders, type GraphQLResponse, OPERATOR } from '@junction/testing';
import { bridgeId, chainId, partnerId, startPartners, type PartnersHarness } from './harness';

let harness: PartnersHarness;
let url: string;

beforeAll(async () => {
  harness = await startPartners();
  url = harness.url;
});

afterAll(async () => {
  await harness.close();
});

const MATRIX = `query ($filter: ComponentOwnershipFilter, $first: Int = 100, $after: String) {
  componentOwnerships(filter: $filter, first: $first, after: $after) {
    nodes { component chain { id } bridge { id } partner { slug } backup { slug } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Cell = { component: string; chain: { id: string } | null; bridge: { id: string } | null; partner: { slug: string }; backup: { slug: string } | null };

describe('partners subgraph: the ownership matrix', () => {
  it('answers who owns each component of a chain', async () => {
    const { data, errors } = await graphqlRequest(url, MATRIX, { filter: { chainId: chainId('arbitrum-one') } }, principalHeaders());
    expect(errors).toBeUndefined();
    const cells = data.componentOwnerships.nodes.map((cell: Cell) => [cell.component, cell.partner.slug, cell.backup?.slug ?? null]);
    expect(cells).toEqual([
      ['MONITORING', 'chainlink-labs', 'offchain-labs'],
      ['PROVER', 'offchain-labs', null],
      ['RPC', 'alchemy', 'offchain-labs'],
      ['SEQUENCER', 'offchain-labs', null],
    ]);
  });

  it('answers where a component is owned, e.g. every sequencer uptime feed', async () => {
    const { data } = await graphqlRequest(url, MATRIX, { filter: { component: 'MONITORING' } }, principalHeaders());
    expect(data.componentOwnerships.nodes.map((cell: Cell) => cell.partner.slug)).toEqual(['chainlink-labs', 'chainlink-labs', 'chainlink-labs']);
    expect(data.componentOwnerships.nodes.map((cell: Cell) => cell.chain?.id).sort()).toEqual(
      [chainId('arbitrum-one'), chainId('op-mainnet'), chainId('base')].sort(),
    );
  });

  it("lists a partner's cells as owner and as backup, and every bridge provider owns its bridge's contracts", async () => {
    const { data } = await graphqlRequest(url, MATRIX, { filter: { partnerId: partnerId('op-labs') } }, principalHeaders());
    const cells = data.componentOwnerships.nodes.map((cell: Cell) => `${cell.component}:${cell.partner.slug}/${cell.backup?.slug ?? '-'}`).sort();
    expect(cells).toEqual([
      'BRIDGE_CONTRACTS:base-team/op-labs',
      'BRIDGE_CONTRACTS:op-labs/-',
      'MONITORING:chainlink-labs/op-labs',
      'PROVER:base-team/op-labs',
      'PROVER:op-labs/-',
      'RPC:alchemy/op-labs',
      'SEQUENCER:op-labs/-',
    ]);
    const bridges = await graphqlRequest(url, MATRIX, { filter: { component: 'BRIDGE_CONTRACTS' } }, principalHeaders());
    const owners = Object.fromEntries(bridges.data.componentOwnerships.nodes.map((cell: Cell) => [cell.bridge?.id, cell.partner.slug]));
    for (const [bridge, owner] of [['layerzero', 'layerzero-labs'], ['axelar', 'interop-labs'], ['wormhole', 'wormhole-foundation'], ['celer-cbridge', 'celer-network'], ['hyperlane', 'abacus-works'], ['chainlink-ccip', 'chainlink-labs'], ['arbitrum-bridge', 'offchain-labs']]) {
      expect(owners[bridgeId(bridge)]).toBe(owner);
    }
  });

  it('pages through the whole matrix without repeats and never returns more than asked', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { data, errors }: GraphQLResponse = await graphqlRequest(url, `query ($after: String) { componentOwnerships(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data.componentOwnerships.nodes.length).toBeLessThanOrEqual(7);
      seen.push(...data.componentOwnerships.nodes.map((node: { id: string }) => node.id));
      if (!data.componentOwnerships.pageInfo.hasNextPage) break;
      after = data.componentOwnerships.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await harness.rowCount('component_ownership'));
  });

  it('answers an empty page for a filter id that cannot exist', async () => {
    const { data, errors } = await graphqlRequest(url, MATRIX, { filter: { chainId: 'arbitrum-one' } }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.componentOwnerships).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('partners subgraph: Chain.owners and Bridge.owners', () => {
  it('resolves Chain.owners for N chains with one query for the cells and one for their partners', async () => {
    const slugs = ['arbitrum-one', 'op-mainnet', 'base', 'scroll', 'sepolia'];
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { id owners { component partner { slug } backup { slug } } } } }`,
      { r: slugs.map((slug) => ({ __typename: 'Chain', id: chainId(slug) })) }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(2);
    const owners = (index: number) => data._entities[index].owners.map((cell: Cell) => `${cell.component}:${cell.partner.slug}`);
    expect(owners(0)).toEqual(['SEQUENCER:offchain-labs', 'PROVER:offchain-labs', 'RPC:alchemy', 'MONITORING:chainlink-labs']);
    expect(owners(2)).toEqual(['SEQUENCER:base-team', 'PROVER:base-team', 'RPC:alchemy', 'MONITORING:chainlink-labs']);
    expect(owners(3)).toEqual(['SEQUENCER:scroll-tech', 'PROVER:scroll-tech']);
    expect(owners(4)).toEqual([]);
    expect(data._entities[2].owners[1].backup).toEqual({ slug: 'op-labs' });
  });

  it('resolves Bridge.owners for N bridges with the same two queries', async () => {
    const slugs = ['base-bridge', 'layerzero', 'wormhole', 'chainlink-ccip'];
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { owners { component partner { slug } backup { slug } } } } }`,
      { r: [...slugs.map((slug) => ({ __typename: 'Bridge', id: bridgeId(slug) })), { __typename: 'Bridge', id: 'not-a-uuid' }] }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(harness.service.db.queries.count).toBe(2);
    expect(data._entities).toEqual([
      { owners: [{ component: 'BRIDGE_CONTRACTS', partner: { slug: 'base-team' }, backup: { slug: 'op-labs' } }] },
      { owners: [{ component: 'BRIDGE_CONTRACTS', partner: { slug: 'layerzero-labs' }, backup: null }] },
      { owners: [{ component: 'BRIDGE_CONTRACTS', partner: { slug: 'wormhole-foundation' }, backup: null }] },
      { owners: [{ component: 'BRIDGE_CONTRACTS', partner: { slug: 'chainlink-labs' }, backup: null }] },
      { owners: [] },
    ]);
  });

  it('resolves ComponentOwnership references in one query', async () => {
    harness.service.db.queries.reset();
    const ids = [seedId('component-ownership', 'chain:base#SEQUENCER'), seedId('component-ownership', 'bridge:hyperlane#BRIDGE_CONTRACTS')];
    const { data } = await graphqlRequest(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ComponentOwnership { component } } }`, {
      r: ids.map((id) => ({ __typename: 'ComponentOwnership', id })),
    }, principalHeaders());
    expect(data._entities).toEqual([{ component: 'SEQUENCER' }, { component: 'BRIDGE_CONTRACTS' }]);
    expect(harness.service.db.queries.count).toBe(1);
  });
});

const ASSIGN = `mutation ($input: AssignComponentOwnershipInput!) { assignComponentOwnership(input: $input) { id component chain { id } bridge { id } partner { slug } backup { slug } notes } }`;

const cell = (overrides: Record<string, unknown> = {}) => ({
  component: 'INDEXER',
  chainId: chainId('arbitrum-one'),
  ownerPartnerId: partnerId('alchemy'),
  backupPartnerId: partnerId('offchain-labs'),
  notes: 'Subgraph hosting for partner dashboards.',
  ...overrides,
});

describe('partners subgraph: changing the matrix', () => {
  it('assigns a component of a chain the chains subgraph knows', async () => {
    const { data, errors } = await graphqlRequest(url, ASSIGN, { input: cell() }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.assignComponentOwnership).toEqual({
      id: expect.any(String),
      component: 'INDEXER',
      chain: { id: chainId('arbitrum-one') },
      bridge: null,
      partner: { slug: 'alchemy' },
      backup: { slug: 'offchain-labs' },
      notes: 'Subgraph hosting for partner dashboards.',
    });
  });

  it.each([
    ['a component that already has an owner', { component: 'SEQUENCER' }, 'input.component', 'SEQUENCER of this chain is already owned by Offchain Labs; reassign that ownership instead'],
    ['a chain the chains subgraph does not know', { chainId: '00000000-0000-4000-8000-00000000c0de' }, 'input.chainId', 'no chain has id "00000000-0000-4000-8000-00000000c0de"'],
    ['a bridge the bridges subgraph does not know', { component: 'RPC', chainId: null, bridgeId: '00000000-0000-4000-8000-0000000b0d9e' }, 'input.bridgeId', 'no bridge has id "00000000-0000-4000-8000-0000000b0d9e"'],
    ['a bridge component that already has an owner', { component: 'BRIDGE_CONTRACTS', chainId: null, bridgeId: bridgeId('wormhole') }, 'input.component', 'BRIDGE_CONTRACTS of this bridge is already owned by Wormhole Foundation; reassign that ownership instead'],
    ['both a chain and a bridge', { bridgeId: bridgeId('arbitrum-bridge') }, 'input.bridgeId', 'must be omitted when chainId is given: a component ownership belongs to exactly one chain or one bridge'],
    ['neither a chain nor a bridge', { chainId: null }, 'input.chainId', 'is required unless bridgeId is given: a component ownership belongs to exactly one chain or one bridge'],
    ['a backup that is the owner', { component: 'EXPLORER', backupPartnerId: partnerId('alchemy') }, 'input.backupPartnerId', 'must differ from the owner: a backup covers for another partner'],
    ['an unknown owner', { component: 'EXPLORER', ownerPartnerId: '00000000-0000-4000-8000-0000000000aa' }, 'input.ownerPartnerId', 'no active partner has id "00000000-0000-4000-8000-0000000000aa"'],
    ['a backup id that is not an id', { component: 'EXPLORER', backupPartnerId: 'alchemy' }, 'input.backupPartnerId', 'no active partner has id "alchemy"'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = await harness.rowCount('component_ownership');
    const { data, errors } = await graphqlRequest(url, ASSIGN, { input: cell(overrides) }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect(await harness.rowCount('component_ownership')).toBe(before);
  });

  it('refuses an archived partner as owner', async () => {
    const created = await graphqlRequest(url, `mutation { createPartner(input: { slug: "gone-indexer", name: "Gone Indexer", kind: OTHER }) { id } }`, {}, principalHeaders(OPERATOR));
    const id = created.data.createPartner.id;
    await graphqlRequest(url, `mutation ($id: ID!) { archivePartner(id: $id) { id } }`, { id }, principalHeaders(OPERATOR));
    const { errors } = await graphqlRequest(url, ASSIGN, { input: cell({ component: 'EXPLORER', ownerPartnerId: id }) }, principalHeaders(OPERATOR));
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.ownerPartnerId', message: `no active partner has id "${id}"` }] });
  });

  it('assigns a component of a bridge the bridges subgraph knows', async () => {
    const { data, errors } = await graphqlRequest(url, ASSIGN, {
      input: cell({ component: 'MONITORING', chainId: null, bridgeId: bridgeId('layerzero'), ownerPartnerId: partnerId('chainlink-labs'), backupPartnerId: partnerId('layerzero-labs'), notes: null }),
    }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.assignComponentOwnership).toMatchObject({ component: 'MONITORING', chain: null, bridge: { id: bridgeId('layerzero') }, partner: { slug: 'chainlink-labs' } });
    const owners = await graphqlRequest(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { owners { component } } } }`, {
      r: [{ __typename: 'Bridge', id: bridgeId('layerzero') }],
    }, principalHeaders());
    expect(owners.data._entities).toEqual([{ owners: [{ component: 'BRIDGE_CONTRACTS' }, { component: 'MONITORING' }] }]);
  });

  it('reassigns a component: promotes the backup, and keeps owner and backup different', async () => {
    const id = seedId('component-ownership', 'chain:polygon-pos#RPC');
    const REASSIGN = `mutation ($id: ID!, $input: ReassignComponentOwnershipInput!) { reassignComponentOwnership(id: $id, input: $input) { partner { slug } backup { slug } notes } }`;
    const same = await graphqlRequest(url, REASSIGN, { id, input: { ownerPartnerId: partnerId('polygon-labs') } }, principalHeaders(OPERATOR));
    expect(same.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.backupPartnerId', message: 'must differ from the owner: a backup covers for another partner' }],
    });
    const promoted = await graphqlRequest(url, REASSIGN, { id, input: { ownerPartnerId: partnerId('polygon-labs'), backupPartnerId: partnerId('alchemy'), notes: null } }, principalHeaders(OPERATOR));
    expect(promoted.errors).toBeUndefined();
    expect(promoted.data.reassignComponentOwnership).toEqual({ partner: { slug: 'polygon-labs' }, backup: { slug: 'alchemy' }, notes: null });
    const unknown = await graphqlRequest(url, REASSIGN, { id: '00000000-0000-4000-8000-000000000000', input: { backupPartnerId: null } }, principalHeaders(OPERATOR));
    expect(unknown.errors?.[0]).toMatchObject({ message: 'No component ownership with id "00000000-0000-4000-8000-000000000000" exists.', extensions: { code: 'NOT_FOUND' } });
  });

  it('removes a cell, after which the component can be assigned again', async () => {
    const id = seedId('component-ownership', 'chain:ethereum#RPC');
    const removed = await graphqlRequest(url, `mutation ($id: ID!) { removeComponentOwnership(id: $id) { component partner { slug } } }`, { id }, principalHeaders(OPERATOR));
    expect(removed.data.removeComponentOwnership).toEqual({ component: 'RPC', partner: { slug: 'alchemy' } });
    const owners = await graphqlRequest(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { owners { component } } } }`, {
      r: [{ __typename: 'Chain', id: chainId('ethereum') }],
    }, principalHeaders());
    expect(owners.data._entities).toEqual([{ owners: [] }]);
    const again = await graphqlRequest(url, ASSIGN, { input: cell({ component: 'RPC', chainId: chainId('ethereum'), backupPartnerId: null }) }, principalHeaders(OPERATOR));
    expect(again.errors).toBeUndefined();
  });
});
