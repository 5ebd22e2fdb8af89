import { graphqlRequest, OPERATOR, principalHeaders, type GraphQLResponse } from '@junction/testing';
import { chainId, partnerId, startPartners, type PartnersHarness } from './harness';

let harness: PartnersHarness;
let url: string;

beforeAll(async () => {
  harness = await startPartners();
  url = harness.url;
});

afterAll(async () => {
  await harness.close();
});

const CREATE = `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id slug name kind status websiteUrl description archivedAt } }`;

const newPartner = (overrides: Record<string, unknown> = {}) => ({
  slug: 'rollup-labs',
  name: 'Rollup Labs',
  kind: 'APP_DEVELOPER',
  websiteUrl: 'https://rollup-labs.example',
  description: 'Builds an app-chain on the OP Stack.',
  ...overrides,
});

describe('partners subgraph: the directory', () => {
  it('serves the seeded roster by slug', async () => {
    const { data, errors } = await graphqlRequest(url, `{ partner(slug: "offchain-labs") { id name kind status websiteUrl description archivedAt } }`, {}, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.partner).toEqual({
      id: partnerId('offchain-labs'),
      name: 'Offchain Labs',
      kind: 'ROLLUP_OPERATOR',
      status: 'ACTIVE',
      websiteUrl: 'https://offchainlabs.com',
      description: 'Builds Arbitrum Nitro and runs the sequencers of Arbitrum One and Arbitrum Nova.',
      archivedAt: null,
    });
  });

  it('seeds all 15 partners of the roster with their kinds', async () => {
    const { data, errors } = await graphqlRequest(url, `{ partners(first: 100) { nodes { slug kind } } }`, {}, principalHeaders());
    expect(errors).toBeUndefined();
    const kinds = Object.fromEntries(data.partners.nodes.map((node: { slug: string; kind: string }) => [node.slug, node.kind]));
    expect(kinds).toEqual({
      'offchain-labs': 'ROLLUP_OPERATOR',
      'op-labs': 'ROLLUP_OPERATOR',
      'base-team': 'ROLLUP_OPERATOR',
      'matter-labs': 'ROLLUP_OPERATOR',
      'scroll-tech': 'ROLLUP_OPERATOR',
      consensys: 'ROLLUP_OPERATOR',
      'polygon-labs': 'ROLLUP_OPERATOR',
      'layerzero-labs': 'BRIDGE_PROVIDER',
      'interop-labs': 'BRIDGE_PROVIDER',
      'wormhole-foundation': 'BRIDGE_PROVIDER',
      'celer-network': 'BRIDGE_PROVIDER',
      'abacus-works': 'BRIDGE_PROVIDER',
      'chainlink-labs': 'ORACLE',
      'eigen-labs': 'DA_PROVIDER',
      alchemy: 'RPC_PROVIDER',
    });
  });

  it('pages through a filtered list by name and never returns more than asked', async () => {
    const query = `query ($after: String) { partners(first: 3, after: $after, filter: { kinds: [BRIDGE_PROVIDER, ORACLE] }) { nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data, errors }: GraphQLResponse = await graphqlRequest(url, query, { after }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data.partners.nodes.length).toBeLessThanOrEqual(3);
      seen.push(...data.partners.nodes.map((node: { name: string }) => node.name));
      if (!data.partners.pageInfo.hasNextPage) break;
      after = data.partners.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'Abacus Works (Hyperlane)',
      'Celer Network',
      'Chainlink Labs',
      'Interop Labs (Axelar)',
      'LayerZero Labs',
      'Wormhole Foundation',
    ]);
  });

  it('filters by status and searches name and slug case-insensitively', async () => {
    const onboarding = await graphqlRequest(url, `{ partners(filter: { statuses: [ONBOARDING] }) { nodes { slug } } }`, {}, principalHeaders());
    expect(onboarding.data.partners.nodes).toEqual([{ slug: 'eigen-labs' }]);
    const search = await graphqlRequest(url, `{ partners(filter: { search: "LABS" }) { nodes { slug } } }`, {}, principalHeaders());
    // Order by name follows the database collation (PGlite sorts "OP Labs" before "Offchain Labs"); compare as a set.
    expect(search.data.partners.nodes.map((node: { slug: string }) => node.slug).sort()).toEqual([
      'chainlink-labs', 'eigen-labs', 'interop-labs', 'layerzero-labs', 'matter-labs', 'offchain-labs', 'op-labs', 'polygon-labs',
    ]);
    const wildcard = await graphqlRequest(url, `{ partners(filter: { search: "%" }) { nodes { slug } } }`, {}, principalHeaders());
    expect(wildcard.data.partners.nodes).toEqual([]);
  });

  it.each([
    ['partners', `{ partners(first: 500) { nodes { id } } }`],
    ['componentOwnerships', `{ componentOwnerships(first: 101) { nodes { id } } }`],
  ])('refuses a %s page larger than the bound', async (_list, query) => {
    const { data, errors } = await graphqlRequest(url, query, {}, principalHeaders());
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'first', message: 'first must be at most 100; page through larger lists with after' }],
    });
  });

  it('refuses a cursor it did not issue', async () => {
    const { errors } = await graphqlRequest(url, `{ partners(after: "not-a-cursor") { nodes { id } } }`, {}, principalHeaders());
    expect(errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'after', message: 'is not a cursor this API issued; pass a pageInfo.endCursor' }],
    });
  });

  it('creates a partner as a PROSPECT unless told otherwise', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE, { input: newPartner() }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.createPartner).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug: 'rollup-labs',
      name: 'Rollup Labs',
      kind: 'APP_DEVELOPER',
      status: 'PROSPECT',
      websiteUrl: 'https://rollup-labs.example',
      description: 'Builds an app-chain on the OP Stack.',
      archivedAt: null,
    });
  });

  it.each([
    ['a duplicate slug', { slug: 'op-labs' }, 'input.slug', '"op-labs" is already used by OP Labs; pick another slug'],
    ['a malformed slug', { slug: 'Rollup Labs' }, 'input.slug', 'slug must be lower-case letters, digits and single hyphens, e.g. "offchain-labs"'],
    ['a malformed website URL', { slug: 'bad-url', websiteUrl: 'rollup-labs dot example' }, 'input.websiteUrl', 'websiteUrl must be an http(s) URL, e.g. https://example.org'],
    ['a website URL with another scheme', { slug: 'ftp-url', websiteUrl: 'ftp://rollup-labs.example' }, 'input.websiteUrl', 'websiteUrl must be an http(s) URL, e.g. https://example.org'],
    ['an empty name', { slug: 'no-name', name: '' }, 'input.name', 'name must be 1 to 120 characters'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = await harness.rowCount('partner');
    const { data, errors } = await graphqlRequest(url, CREATE, { input: newPartner(overrides) }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect(await harness.rowCount('partner')).toBe(before);
  });

  it('reports every invalid field of a partner at once', async () => {
    const { errors } = await graphqlRequest(url, CREATE, { input: newPartner({ slug: '-x-', name: '', websiteUrl: 'nope' }) }, principalHeaders(OPERATOR));
    expect(errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'input.slug', message: 'slug must be lower-case letters, digits and single hyphens, e.g. "offchain-labs"' },
        { field: 'input.name', message: 'name must be 1 to 120 characters' },
        { field: 'input.websiteUrl', message: 'websiteUrl must be an http(s) URL, e.g. https://example.org' },
      ],
    });
    expect(errors?.[0].message).toBe('The input has 3 invalid fields: input.slug, input.name, input.websiteUrl.');
  });

  it('updates a partner, keeps omitted fields and refuses an explicit null for a required one', async () => {
    const id = partnerId('eigen-labs');
    const updated = await graphqlRequest(url, `mutation ($id: ID!) { updatePartner(id: $id, input: { status: ACTIVE, description: null }) { status description name } }`, { id }, principalHeaders(OPERATOR));
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePartner).toEqual({ status: 'ACTIVE', description: null, name: 'Eigen Labs (EigenDA)' });
    const refused = await graphqlRequest(url, `mutation ($id: ID!) { updatePartner(id: $id, input: { name: null }) { name } }`, { id }, principalHeaders(OPERATOR));
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.name', message: 'cannot be null; omit it to keep the current value' }],
    });
  });

  it('answers NOT_FOUND for an unknown id on update and null on lookup', async () => {
    const update = await graphqlRequest(url, `mutation { updatePartner(id: "not-a-uuid", input: { name: "x" }) { id } }`, {}, principalHeaders(OPERATOR));
    expect(update.errors?.[0]).toMatchObject({ message: 'No active partner with id "not-a-uuid" exists.', extensions: { code: 'NOT_FOUND' } });
    const lookup = await graphqlRequest(url, `{ partner(id: "8d5e1a52-0000-4000-8000-000000000000") { id } }`, {}, principalHeaders());
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data.partner).toBeNull();
  });

  it('archives a partner: it leaves lists, stays resolvable and can no longer change', async () => {
    const created = await graphqlRequest(url, CREATE, { input: newPartner({ slug: 'short-lived', name: 'Short-lived Partner' }) }, principalHeaders(OPERATOR));
    const id = created.data.createPartner.id;
    const archived = await graphqlRequest(url, `mutation ($id: ID!) { archivePartner(id: $id) { archivedAt } }`, { id }, principalHeaders(OPERATOR));
    expect(archived.data.archivePartner.archivedAt).toEqual(expect.any(String));
    const list = await graphqlRequest(url, `{ partners(first: 100, filter: { search: "short" }) { nodes { id } } }`, {}, principalHeaders());
    expect(list.data.partners.nodes).toEqual([]);
    const withArchived = await graphqlRequest(url, `{ partners(filter: { search: "short", includeArchived: true }) { nodes { id } } }`, {}, principalHeaders());
    expect(withArchived.data.partners.nodes).toEqual([{ id }]);
    const byId = await graphqlRequest(url, `query ($id: ID!) { partner(id: $id) { slug } }`, { id }, principalHeaders());
    expect(byId.data.partner).toEqual({ slug: 'short-lived' });
    const change = await graphqlRequest(url, `mutation ($id: ID!) { updatePartner(id: $id, input: { name: "Back" }) { id } }`, { id }, principalHeaders(OPERATOR));
    expect(change.errors?.[0]).toMatchObject({ message: `No active partner with id "${id}" exists.`, extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses to archive a partner that still owns components, and changes nothing', async () => {
    const id = partnerId('alchemy');
    const { data, errors } = await graphqlRequest(url, `mutation ($id: ID!) { archivePartner(id: $id) { id } }`, { id }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'Alchemy still owns or backs up 6 components; reassign or remove those ownerships (see Partner.ownerships) before archiving it.',
      extensions: { code: 'CONFLICT' },
    });
    const after = await graphqlRequest(url, `query ($id: ID!) { partner(id: $id) { archivedAt } }`, { id }, principalHeaders());
    expect(after.data.partner.archivedAt).toBeNull();
  });

  it('lists the chains a partner owns components of, as Chain references', async () => {
    const { data, errors } = await graphqlRequest(url, `{ partner(slug: "offchain-labs") { chains { id } } }`, {}, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.partner.chains.map((chain: { id: string }) => chain.id).sort()).toEqual([chainId('arbitrum-one'), chainId('arbitrum-nova')].sort());
  });

  it('resolves N partner references with one SQL query', async () => {
    const slugs = ['offchain-labs', 'alchemy', 'eigen-labs', 'op-labs', 'wormhole-foundation'];
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { slug } } }`,
      { r: [...slugs.map((slug) => ({ __typename: 'Partner', id: partnerId(slug) })), { __typename: 'Partner', id: 'no-such-partner' }] }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([...slugs.map((slug) => ({ slug })), null]);
    expect(harness.service.db.queries.count).toBe(1);
  });

  it('refuses a request whose principal signature does not verify', async () => {
    const headers = principalHeaders(OPERATOR);
    headers['x-junction-signature'] = headers['x-junction-signature'].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const { status, errors } = await graphqlRequest(url, `{ partner(slug: "alchemy") { name } }`, {}, headers);
    expect(status).toBe(401);
    expect(errors).toEqual([{ message: 'This request is not authenticated: the principal signature does not verify.', extensions: { code: 'UNAUTHENTICATED' } }]);
  });
});
