import { createServer, type ChainsService } from '@junction/chains';
import { seedId } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type TestStore, type GraphQLResponse } from '@junction/testing';

let testStore: TestStore;
let service: ChainsService;
let url: string;

beforeAll(async () => {
  testStore = await openTestStore();
  service = await createServer({ store: testStore.store, dbSchema: testStore.schema('chains'), seed: true, principalSecret: TEST_PRINCIPAL_SECRET });
  url = await service.server.listen(0);
});

afterAll(async () => {
  await service.close();
  await testStore.close();
});

const CREATE = `mutation ($input: CreateChainInput!) { createChain(input: $input) { id slug chainId kind settlement { slug } gasToken { symbol decimals } } }`;

const rollup = (overrides: Record<string, unknown> = {}) => ({
  slug: 'test-rollup',
  name: 'Test Rollup',
  chainId: 990_001,
  kind: 'OPTIMISTIC_ROLLUP',
  stack: 'OP_STACK',
  settlementChainId: seedId('chain', 'ethereum'),
  daLayer: 'ETHEREUM_BLOBS',
  sequencerModel: 'CENTRALIZED',
  expectedBlockTimeMs: 2000,
  finalityTargetSeconds: 604800,
  gasTokenSymbol: 'ETH',
  ...overrides,
});

describe('chains subgraph', () => {
  it('serves the seeded catalogue by slug with its settlement chain', async () => {
    const { data, errors } = await graphqlRequest(url, `{ chain(slug: "arbitrum-one") { name chainId kind stage settlement { name } risk { stateValidation { level } } } }`, {}, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.chain).toEqual({
      name: 'Arbitrum One',
      chainId: 42161,
      kind: 'OPTIMISTIC_ROLLUP',
      stage: 'STAGE_1',
      settlement: { name: 'Ethereum' },
      risk: { stateValidation: { level: 'MEDIUM' } },
    });
  });

  it('pages through chains with a filter and never returns more than asked', async () => {
    const query = `query ($after: String) { chains(first: 2, after: $after, filter: { kinds: [ZK_ROLLUP] }) { nodes { slug kind } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data, errors }: GraphQLResponse = await graphqlRequest(url, query, { after }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data.chains.nodes.length).toBeLessThanOrEqual(2);
      for (const node of data.chains.nodes) {
        expect(node.kind).toBe('ZK_ROLLUP');
        seen.push(node.slug);
      }
      if (!data.chains.pageInfo.hasNextPage) break;
      after = data.chains.pageInfo.endCursor;
    }
    expect(seen).toEqual(['linea', 'polygon-zkevm', 'scroll', 'zksync-era']);
  });

  it('refuses a page larger than the bound', async () => {
    const { data, errors } = await graphqlRequest(url, `{ chains(first: 500) { nodes { id } } }`, {}, principalHeaders());
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'first', message: 'first must be at most 100; page through larger lists with after' },
    ]);
  });

  it('creates a chain and links it to its settlement chain', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE, { input: rollup() }, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.createChain).toMatchObject({ slug: 'test-rollup', chainId: 990001, settlement: { slug: 'ethereum' }, gasToken: { symbol: 'ETH', decimals: 18 } });
  });

  it.each([
    ['a zero chain id', { slug: 'zero', chainId: 0 }, 'input.chainId', 'chainId must be a positive EIP-155 chain id (1 or more)'],
    ['a duplicate slug', { slug: 'base', chainId: 990_100 }, 'input.slug', '"base" is already used by Base; pick another slug'],
    ['a duplicate chain id', { slug: 'other', chainId: 8453 }, 'input.chainId', '8453 is already registered as Base'],
    ['an unknown settlement chain', { slug: 'orphan', chainId: 990_101, settlementChainId: '00000000-0000-4000-8000-000000000000' }, 'input.settlementChainId', 'no active chain has id "00000000-0000-4000-8000-000000000000"'],
    ['a rollup without settlement', { slug: 'floating', chainId: 990_102, settlementChainId: null }, 'input.settlementChainId', 'is required for a OPTIMISTIC_ROLLUP: give the id of the chain it settles on'],
    ['a malformed slug', { slug: 'Bad Slug', chainId: 990_103 }, 'input.slug', 'slug must be lower-case letters, digits and single hyphens, e.g. "arbitrum-one"'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${(service.db.dataSource.options as { schema?: string }).schema}".chain`);
    const { data, errors } = await graphqlRequest(url, CREATE, { input: rollup(overrides) }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    const after = await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${(service.db.dataSource.options as { schema?: string }).schema}".chain`);
    expect(after).toEqual(before);
  });

  it('rejects an unknown enum value before any resolver runs', async () => {
    const { errors } = await graphqlRequest(url, CREATE, { input: rollup({ slug: 'enum', chainId: 990_104, kind: 'HYPERCHAIN' }) }, principalHeaders(OPERATOR));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('HYPERCHAIN');
  });

  it('answers NOT_FOUND for an unknown id on update and null on lookup', async () => {
    const update = await graphqlRequest(url, `mutation { updateChain(id: "not-a-uuid", input: { name: "x" }) { id } }`, {}, principalHeaders(OPERATOR));
    expect(update.errors?.[0]).toMatchObject({ message: 'No active chain with id "not-a-uuid" exists.', extensions: { code: 'NOT_FOUND' } });
    const lookup = await graphqlRequest(url, `{ chain(id: "8d5e1a52-0000-4000-8000-000000000000") { id } }`, {}, principalHeaders());
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data.chain).toBeNull();
  });

  it('archives a chain: it leaves lists but stays resolvable', async () => {
    const created = await graphqlRequest(url, CREATE, { input: rollup({ slug: 'short-lived', chainId: 990_200 }) }, principalHeaders(OPERATOR));
    const id = created.data.createChain.id;
    const archived = await graphqlRequest(url, `mutation ($id: ID!) { archiveChain(id: $id) { archivedAt } }`, { id }, principalHeaders(OPERATOR));
    expect(archived.data.archiveChain.archivedAt).toEqual(expect.any(String));
    const list = await graphqlRequest(url, `{ chains(first: 100, filter: { search: "short" }) { nodes { id } } }`, {}, principalHeaders());
    expect(list.data.chains.nodes).toEqual([]);
    const byId = await graphqlRequest(url, `query ($id: ID!) { chain(id: $id) { slug } }`, { id }, principalHeaders());
    expect(byId.data.chain).toEqual({ slug: 'short-lived' });
  });

  it('hides RPC endpoint URLs from callers who are not operators', async () => {
    const { data, errors } = await graphqlRequest(url, `{ chain(slug: "base") { name rpcEndpoints { url } } }`, {}, principalHeaders());
    expect(data).toEqual({ chain: { name: 'Base', rpcEndpoints: null } });
    expect(errors?.[0]).toMatchObject({ path: ['chain', 'rpcEndpoints'], extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(errors)).not.toContain('mainnet.base.org');
  });

  it('shows RPC endpoints to an operator, in priority order', async () => {
    const { data, errors } = await graphqlRequest(url, `{ chain(slug: "base") { rpcEndpoints { url priority } } }`, {}, principalHeaders(OPERATOR));
    expect(errors).toBeUndefined();
    expect(data.chain.rpcEndpoints).toEqual([
      { url: 'https://mainnet.base.org', priority: 10 },
      { url: 'https://base-rpc.publicnode.com', priority: 20 },
    ]);
  });

  it('refuses a request whose principal signature does not verify', async () => {
    const headers = principalHeaders(OPERATOR);
    headers['x-junction-signature'] = headers['x-junction-signature'].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const { status, errors } = await graphqlRequest(url, `{ chain(slug: "base") { name } }`, {}, headers);
    expect(status).toBe(401);
    expect(errors).toEqual([{ message: 'This request is not authenticated: the principal signature does not verify.', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('resolves N entity references with one SQL query', async () => {
    const slugs = ['ethereum', 'base', 'op-mainnet', 'scroll', 'linea'];
    service.db.queries.reset();
    const { data, errors } = await graphqlRequest(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { slug } } }`,
      { r: slugs.map((slug) => ({ __typename: 'Chain', id: seedId('chain', slug) })) }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: { slug: string }) => e.slug)).toEqual(slugs);
    expect(service.db.queries.count).toBe(1);
  });
});
