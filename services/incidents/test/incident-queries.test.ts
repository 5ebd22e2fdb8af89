import { OPERATOR, graphqlRequest, principalHeaders, type GraphQLResponse } from '@junction/testing';
import { bridgeId, chainId, incidentId, partner, partnerId, startIncidents, type IncidentsHarness } from './incidents-harness';

let harness: IncidentsHarness;
let internalId: string;

const PUBLIC_TITLES = [
  'Arbitrum One batches reaching Ethereum late',
  'Base Mainnet unsafe head delay',
  'Linea block production halted after the Velocore exploit',
  'Arbitrum One sequencer stalled under inscription load',
  'Wormhole bridge exploited: 120,000 wETH minted without collateral',
];
const PARTNERS_ONLY = 'Alchemy RPC for Polygon PoS timing out';
const INTERNAL_ONLY = 'Sequencer feed relay dropping connections';

const operator = principalHeaders(OPERATOR);
const alchemy = () => principalHeaders(partner('alchemy'));
const offchainLabs = () => principalHeaders(partner('offchain-labs'));
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { title } } }`;

beforeAll(async () => {
  harness = await startIncidents();
  const { data, errors } = await graphqlRequest(
    harness.url,
    `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`,
    {
      input: {
        title: INTERNAL_ONLY,
        summary: 'The relay in front of the Arbitrum One sequencer feed drops about 5% of websocket connections.',
        kind: 'OTHER',
        severity: 'SEV4',
        visibility: 'INTERNAL',
        chainIds: [chainId('arbitrum-one')],
        detectedBy: { source: 'PERSON', reporterName: 'Grace (on-call)' },
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      },
    },
    operator,
  );
  expect(errors).toBeUndefined();
  internalId = data.createIncident.id;
});

afterAll(async () => {
  await harness.close();
});

async function titles(filter: Record<string, unknown>, headers: Record<string, string> = principalHeaders()): Promise<string[]> {
  const { data, errors } = await graphqlRequest(
    harness.url,
    `query ($filter: IncidentFilter) { incidents(first: 100, filter: $filter) { nodes { title } } }`,
    { filter },
    headers,
  );
  expect(errors).toBeUndefined();
  return data.incidents.nodes.map((node: { title: string }) => node.title);
}

describe('incidents subgraph: reading', () => {
  it('shows a first caller the live public incident', async () => {
    const { data, errors } = await graphqlRequest(
      harness.url,
      `{ incidents(filter: { open: true }) { nodes { title kind severity status isOpen visibility chains { id } updates { status } } } }`, {}, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data.incidents.nodes).toEqual([
      {
        title: 'Arbitrum One batches reaching Ethereum late',
        kind: 'FINALITY_DELAY',
        severity: 'SEV3',
        status: 'MONITORING',
        isOpen: true,
        visibility: 'PUBLIC',
        chains: [{ id: chainId('arbitrum-one') }],
        updates: [{ status: 'INVESTIGATING' }, { status: 'IDENTIFIED' }, { status: 'MONITORING' }],
      },
    ]);
  });

  it('serves a historical incident with its timeline, acknowledgements and computed fields', async () => {
    const { data, errors } = await graphqlRequest(
      harness.url,
      `query ($id: ID!) { incident(id: $id) {
        title status startedAt identifiedAt resolvedAt createdAt updatedAt durationSeconds isOpen dedupKey
        detectedBy { source ruleKey reporterName } chains { id } bridges { id } partners { id }
        updates { status previousStatus authorName createdAt }
        acknowledgements { partner { id } acknowledgedBy note createdAt } } }`,
      { id: incidentId('arbitrum-one-sequencer-stall-2023-12-15') }, principalHeaders(),
    );
    expect(errors).toBeUndefined();
    expect(data.incident).toEqual({
      title: 'Arbitrum One sequencer stalled under inscription load',
      status: 'RESOLVED',
      startedAt: '2023-12-15T15:29:00.000Z',
      identifiedAt: '2023-12-15T15:58:00.000Z',
      resolvedAt: '2023-12-15T16:47:00.000Z',
      createdAt: '2023-12-15T15:31:00.000Z',
      updatedAt: '2023-12-15T16:47:00.000Z',
      durationSeconds: 78 * 60,
      isOpen: false,
      dedupKey: 'sequencer-head-stalled:arbitrum-one',
      detectedBy: { source: 'RULE', ruleKey: 'sequencer-head-stalled', reporterName: null },
      chains: [{ id: chainId('arbitrum-one') }],
      bridges: [],
      partners: [{ id: partnerId('offchain-labs') }],
      updates: [
        { status: 'INVESTIGATING', previousStatus: null, authorName: 'alert rule sequencer-head-stalled', createdAt: '2023-12-15T15:31:00.000Z' },
        { status: 'IDENTIFIED', previousStatus: 'INVESTIGATING', authorName: 'Offchain Labs on-call', createdAt: '2023-12-15T15:58:00.000Z' },
        { status: 'MONITORING', previousStatus: 'IDENTIFIED', authorName: 'Offchain Labs on-call', createdAt: '2023-12-15T16:38:00.000Z' },
        { status: 'RESOLVED', previousStatus: 'MONITORING', authorName: 'Offchain Labs on-call', createdAt: '2023-12-15T16:47:00.000Z' },
      ],
      acknowledgements: [
        { partner: { id: partnerId('offchain-labs') }, acknowledgedBy: 'Offchain Labs on-call', note: 'On it; sequencer team paged.', createdAt: '2023-12-15T15:36:00.000Z' },
      ],
    });
  });

  describe('visibility', () => {
    it('lists PUBLIC incidents to the public, newest first', async () => {
      expect(await titles({})).toEqual(PUBLIC_TITLES);
    });

    it('adds PARTNERS incidents for a partner they affect (partner A)', async () => {
      expect(await titles({}, alchemy())).toEqual([PARTNERS_ONLY, ...PUBLIC_TITLES]);
    });

    it('hides PARTNERS incidents from a partner they do not affect (partner B)', async () => {
      expect(await titles({}, offchainLabs())).toEqual(PUBLIC_TITLES);
    });

    it('shows everything, INTERNAL included, to operators', async () => {
      expect(await titles({}, operator)).toEqual([INTERNAL_ONLY, PARTNERS_ONLY, ...PUBLIC_TITLES]);
    });

    it.each([
      ['the public', {}, [null, null]],
      ['partner A (affected)', { partner: 'alchemy' }, [PARTNERS_ONLY, null]],
      ['partner B (not affected)', { partner: 'offchain-labs' }, [null, null]],
      ['an operator', { operator: true }, [PARTNERS_ONLY, INTERNAL_ONLY]],
    ])('answers by id and by reference as %s may see them (null, never an error)', async (_who, as: { partner?: string; operator?: boolean }, expected) => {
      const headers = as.operator ? operator : as.partner ? principalHeaders(partner(as.partner)) : principalHeaders();
      const ids = [incidentId('polygon-pos-alchemy-rpc-outage-live'), internalId];
      for (const [index, id] of ids.entries()) {
        const { data, errors } = await graphqlRequest(harness.url, `query ($id: ID!) { incident(id: $id) { title } }`, { id }, headers);
        expect(errors).toBeUndefined();
        expect(data.incident?.title ?? null).toEqual(expected[index]);
      }
      const references = await graphqlRequest(harness.url, ENTITIES, { r: ids.map((id) => ({ __typename: 'Incident', id })) }, headers);
      expect(references.errors).toBeUndefined();
      expect(references.data._entities.map((entity: { title: string } | null) => entity?.title ?? null)).toEqual(expected);
    });

    it('applies visibility to the lists contributed to partners', async () => {
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { incidents { title } } } }`;
      const r = [{ __typename: 'Partner', id: partnerId('alchemy') }];
      const asPublic = await graphqlRequest(harness.url, query, { r }, principalHeaders());
      expect(asPublic.data._entities).toEqual([{ incidents: [] }]);
      const asAlchemy = await graphqlRequest(harness.url, query, { r }, alchemy());
      expect(asAlchemy.data._entities).toEqual([{ incidents: [{ title: PARTNERS_ONLY }] }]);
    });
  });

  describe('filters', () => {
    it.each([
      ['status', { statuses: ['RESOLVED'] }, PUBLIC_TITLES.slice(1)],
      ['severity', { severities: ['SEV1'] }, [PUBLIC_TITLES[3], PUBLIC_TITLES[4]]],
      ['kind', { kinds: ['BRIDGE_EXPLOIT'] }, [PUBLIC_TITLES[4]]],
      ['open: false', { open: false }, PUBLIC_TITLES.slice(1)],
      ['chain', { chainId: chainId('arbitrum-one') }, [PUBLIC_TITLES[0], PUBLIC_TITLES[3]]],
      ['bridge', { bridgeId: bridgeId('wormhole') }, [PUBLIC_TITLES[4]]],
      ['partner', { partnerId: partnerId('base-team') }, [PUBLIC_TITLES[1]]],
      ['time range', { startedAfter: '2023-01-01T00:00:00Z', startedBefore: '2025-01-01T00:00:00Z' }, [PUBLIC_TITLES[2], PUBLIC_TITLES[3]]],
      ['time range starting at an incident (inclusive)', { startedAfter: '2025-08-05T06:07:00Z', startedBefore: '2025-08-06T00:00:00Z' }, [PUBLIC_TITLES[1]]],
      ['several conditions at once', { chainId: chainId('arbitrum-one'), statuses: ['RESOLVED'], severities: ['SEV1'] }, [PUBLIC_TITLES[3]]],
      ['an id that is not a UUID', { chainId: 'arbitrum-one' }, []],
    ])('filters by %s', async (_case, filter, expected) => {
      expect(await titles(filter)).toEqual(expected);
    });

    it.each([
      ['after is later than before', '2025-01-01T00:00:00Z', '2023-01-01T00:00:00Z'],
      ['after equals before', '2024-06-02T09:40:00Z', '2024-06-02T09:40:00Z'],
    ])('refuses a time range where %s', async (_case, startedAfter, startedBefore) => {
      const { data, errors } = await graphqlRequest(
        harness.url,
        `query ($filter: IncidentFilter) { incidents(filter: $filter) { nodes { id } } }`,
        { filter: { startedAfter, startedBefore } }, principalHeaders(),
      );
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'filter.startedBefore', message: 'must be later than filter.startedAfter' }],
      });
    });
  });

  describe('pagination', () => {
    it('pages newest first, never returning more than asked', async () => {
      const query = `query ($after: String) { incidents(first: 2, after: $after) { nodes { title } pageInfo { hasNextPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const { data, errors }: GraphQLResponse = await graphqlRequest(harness.url, query, { after }, principalHeaders());
        expect(errors).toBeUndefined();
        expect(data.incidents.nodes.length).toBeLessThanOrEqual(2);
        seen.push(...data.incidents.nodes.map((node: { title: string }) => node.title));
        if (!data.incidents.pageInfo.hasNextPage) break;
        after = data.incidents.pageInfo.endCursor;
      }
      expect(seen).toEqual(PUBLIC_TITLES);
    });

    it('refuses a page larger than the bound', async () => {
      const { data, errors } = await graphqlRequest(harness.url, `{ incidents(first: 101) { nodes { id } } }`, {}, principalHeaders());
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'first', message: 'first must be at most 100; page through larger lists with after' }],
      });
    });

    it('refuses a cursor it did not issue', async () => {
      const { errors } = await graphqlRequest(harness.url, `{ incidents(after: "bm90LWEtY3Vyc29y") { nodes { id } } }`, {}, principalHeaders());
      expect(errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'after', message: 'is not a cursor this API issued; pass a pageInfo.endCursor' }],
      });
    });

    it('answers null, not an error, for an unknown or malformed id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        const { data, errors } = await graphqlRequest(harness.url, `query ($id: ID!) { incident(id: $id) { id } }`, { id }, principalHeaders());
        expect(errors).toBeUndefined();
        expect(data.incident).toBeNull();
      }
    });
  });

  describe('lists contributed to other subgraphs', () => {
    const CHAIN_INCIDENTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { id incidents(first: 1) { title } open: incidents(open: true) { title } } } }`;
    const chainSlugs = ['arbitrum-one', 'base', 'polygon-pos', 'ethereum', 'sepolia'];
    const chainRefs = chainSlugs.map((slug) => ({ __typename: 'Chain', id: chainId(slug) }));

    it('answers Chain.incidents for a batch of chains with one SQL query, bounded per chain', async () => {
      harness.incidents.db.queries.reset();
      const { data, errors } = await graphqlRequest(harness.url, CHAIN_INCIDENTS, { r: chainRefs }, operator);
      expect(errors).toBeUndefined();
      expect(harness.incidents.db.queries.count).toBe(1);
      expect(data._entities).toEqual([
        { id: chainId('arbitrum-one'), incidents: [{ title: INTERNAL_ONLY }], open: [{ title: INTERNAL_ONLY }, { title: PUBLIC_TITLES[0] }] },
        { id: chainId('base'), incidents: [{ title: PUBLIC_TITLES[1] }], open: [] },
        { id: chainId('polygon-pos'), incidents: [{ title: PARTNERS_ONLY }], open: [{ title: PARTNERS_ONLY }] },
        { id: chainId('ethereum'), incidents: [{ title: PUBLIC_TITLES[4] }], open: [] },
        { id: chainId('sepolia'), incidents: [], open: [] },
      ]);
    });

    it('applies visibility before the per-chain bound', async () => {
      const { data, errors } = await graphqlRequest(harness.url, CHAIN_INCIDENTS, { r: chainRefs }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data._entities.slice(0, 3)).toEqual([
        { id: chainId('arbitrum-one'), incidents: [{ title: PUBLIC_TITLES[0] }], open: [{ title: PUBLIC_TITLES[0] }] },
        { id: chainId('base'), incidents: [{ title: PUBLIC_TITLES[1] }], open: [] },
        { id: chainId('polygon-pos'), incidents: [], open: [] },
      ]);
    });

    it('returns resolved incidents only with open: false, newest first', async () => {
      const { data } = await graphqlRequest(
        harness.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { incidents(open: false) { title } } } }`,
        { r: [{ __typename: 'Chain', id: chainId('arbitrum-one') }] },
        operator,
      );
      expect(data._entities).toEqual([{ incidents: [{ title: PUBLIC_TITLES[3] }] }]);
    });

    it('answers Bridge.incidents and Partner.incidents the same way', async () => {
      harness.incidents.db.queries.reset();
      const { data, errors } = await graphqlRequest(
        harness.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { incidents { title } } ... on Partner { incidents(first: 1) { title } } } }`,
        {
          r: [
            { __typename: 'Bridge', id: bridgeId('arbitrum-bridge') },
            { __typename: 'Bridge', id: bridgeId('wormhole') },
            { __typename: 'Partner', id: partnerId('offchain-labs') },
            { __typename: 'Partner', id: partnerId('base-team') },
          ],
        }, principalHeaders(),
      );
      expect(errors).toBeUndefined();
      expect(data._entities).toEqual([
        { incidents: [{ title: PUBLIC_TITLES[0] }] },
        { incidents: [{ title: PUBLIC_TITLES[4] }] },
        { incidents: [{ title: PUBLIC_TITLES[0] }] },
        { incidents: [{ title: PUBLIC_TITLES[1] }] },
      ]);
      expect(harness.incidents.db.queries.count).toBe(2);
    });

    it.each([
      [101, 'first must be at most 100; page through more with Query.incidents'],
      [0, 'first must be at least 1'],
    ])('refuses first: %s on Chain.incidents', async (first, message) => {
      const { errors } = await graphqlRequest(
        harness.url,
        `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Chain { incidents(first: $first) { id } } } }`,
        { r: [{ __typename: 'Chain', id: chainId('base') }], first }, principalHeaders(),
      );
      expect(errors).toHaveLength(1);
      expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first', message }] });
    });

    it('resolves N incident references with one SQL query', async () => {
      const slugs = ['wormhole-exploit-2022-02-02', 'base-unsafe-head-stall-2025-08-05', 'linea-sequencer-paused-velocore-2024-06-02'];
      harness.incidents.db.queries.reset();
      const { data, errors } = await graphqlRequest(harness.url, ENTITIES, { r: slugs.map((slug) => ({ __typename: 'Incident', id: incidentId(slug) })) }, principalHeaders());
      expect(errors).toBeUndefined();
      expect(data._entities.map((entity: { title: string }) => entity.title)).toEqual([PUBLIC_TITLES[4], PUBLIC_TITLES[1], PUBLIC_TITLES[2]]);
      expect(harness.incidents.db.queries.count).toBe(1);
    });

    it('loads the fields of a list of incidents with one query per field', async () => {
      harness.incidents.db.queries.reset();
      const { errors } = await graphqlRequest(
        harness.url,
        `{ incidents(first: 100) { nodes { chains { id } bridges { id } partners { id } updates { id } acknowledgements { partner { id } } } } }`,
        {},
        operator,
      );
      expect(errors).toBeUndefined();
      expect(harness.incidents.db.queries.count).toBe(6);
    });
  });
});
