import { seedId, type Principal } from '@junction/federation';
import type { Stack } from '@junction/launcher';
import { graphqlRequest, OPERATOR, partnerPrincipal, principalHeaders, type GraphQLResponse } from '@junction/testing';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// Partner A asks for partner B's private data every way the schema allows, through the gateway with A's key and
// straight at the subgraphs signed as A. Nothing of B's may come back.

const A = 'offchain-labs';
const A_ID = seedId('partner', A);
const B_ID = seedId('partner', 'op-labs');

let testStack: TestStack;
let stack: Stack;
let keyOfA: string;
let keyOfB: string;

beforeAll(async () => {
  testStack = await startTestStack();
  stack = testStack.stack;
  keyOfA = (await createApiKey(stack, { name: 'partner A', role: 'PARTNER', partnerId: A_ID })).secret;
  // B has a key too, so that there is a key of another partner to leak.
  keyOfB = (await createApiKey(stack, { name: 'partner B', role: 'PARTNER', partnerId: B_ID })).secret;
});

afterAll(() => testStack.close());

/** The two ways in: the gateway with A's key, and each subgraph directly with A's signed principal. */
const asA = {
  gateway: (query: string, variables: Record<string, unknown> = {}) => graphqlRequest(stack.urls.gateway, query, variables, bearer(keyOfA)),
  subgraph: (name: 'partners' | 'incidents', query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(stack.urls[name], query, variables, principalHeaders(partnerPrincipal(A_ID))),
};

/** The same two ways in for partner B. */
const asB = {
  gateway: (query: string, variables: Record<string, unknown> = {}) => graphqlRequest(stack.urls.gateway, query, variables, bearer(keyOfB)),
  subgraph: (name: 'partners' | 'incidents', query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest(stack.urls[name], query, variables, principalHeaders(partnerPrincipal(B_ID))),
};

const asOperator = (name: keyof Stack['urls'], query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest(stack.urls[name], query, variables, principalHeaders(OPERATOR as Principal));

/** Opens a PARTNERS incident on the chain `chainSlug` that affects only `partnerId`, as an operator; returns its id. */
async function openPartnersIncident(title: string, chainSlug: string, partnerId: string): Promise<string> {
  const created = await asOperator('incidents', `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`, {
    input: {
      title,
      summary: 'Opened by the isolation tests.',
      kind: 'FINALITY_DELAY',
      severity: 'SEV3',
      visibility: 'PARTNERS',
      chainIds: [seedId('chain', chainSlug)],
      partnerIds: [partnerId],
      detectedBy: { source: 'PERSON', reporterName: 'isolation tests' },
    },
  });
  expect(created.errors).toBeUndefined();
  return created.data.createIncident.id as string;
}

const PRIVATE_FIELDS = ['contacts', 'agreements', 'apiKeys'] as const;
const PARTNERS = `{ partners(first: 100) { nodes { id slug contacts { email } agreements { id } apiKeys { prefix } rolloutPlans { id rollback { __typename } } } } }`;

/** Every private field of every partner in `response`: A's are filled, everyone else's null with FORBIDDEN at that path. */
function expectOnlyOwnPrivateData(response: GraphQLResponse): void {
  const nodes = response.data.partners.nodes as Array<Record<string, any>>;
  expect(nodes.length).toBeGreaterThan(10);
  const forbiddenPaths = new Set((response.errors ?? []).filter((error) => error.extensions?.code === 'FORBIDDEN').map((error) => error.path?.join('.')));
  for (const [index, node] of nodes.entries()) {
    const own = node.id === A_ID;
    for (const field of PRIVATE_FIELDS) {
      if (own) expect({ slug: node.slug, field, value: node[field] }).toEqual({ slug: node.slug, field, value: expect.any(Array) });
      else {
        expect({ slug: node.slug, field, value: node[field] }).toEqual({ slug: node.slug, field, value: null });
        expect(forbiddenPaths.has(`partners.nodes.${index}.${field}`)).toBe(true);
      }
    }
    for (const [planIndex, plan] of (node.rolloutPlans as Array<Record<string, unknown>>).entries()) {
      if (own) continue;
      expect({ slug: node.slug, rollback: plan.rollback }).toEqual({ slug: node.slug, rollback: null });
      expect(forbiddenPaths.has(`partners.nodes.${index}.rolloutPlans.${planIndex}.rollback`)).toBe(true);
    }
  }
  expect(nodes.find((node) => node.id === A_ID)?.contacts.length).toBeGreaterThan(0);
  expect(nodes.some((node) => node.id !== A_ID && node.rolloutPlans.length > 0)).toBe(true);
}

describe("a partner never sees another partner's private data", () => {
  it('through the gateway: contacts, agreements, keys and rollback procedures of every other partner are withheld', async () => {
    expectOnlyOwnPrivateData(await asA.gateway(PARTNERS));
  });

  it('directly at the partners subgraph, signed as that partner', async () => {
    expectOnlyOwnPrivateData(await asA.subgraph('partners', PARTNERS));
  });

  it("by reference: other partners' contacts and agreements resolve to FORBIDDEN, never to data", async () => {
    const everything = await asOperator('partners', `{ partners(first: 100) { nodes { id contacts { id } agreements { id } } } }`);
    const others = (everything.data.partners.nodes as Array<{ id: string; contacts: Array<{ id: string }>; agreements: Array<{ id: string }> }>).filter((node) => node.id !== A_ID);
    const representations = others.flatMap((node) => [
      ...node.contacts.map(({ id }) => ({ __typename: 'PartnerContact', id })),
      ...node.agreements.map(({ id }) => ({ __typename: 'PartnerAgreement', id })),
    ]);
    expect(representations.length).toBeGreaterThan(5);
    const { data, errors } = await asA.subgraph(
      'partners',
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerContact { email phone } ... on PartnerAgreement { uptimeSlaPercent } } }`,
      { r: representations },
    );
    expect((data?._entities ?? []).filter((entity: unknown) => entity !== null)).toEqual([]);
    expect(new Set(errors?.map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('lists of keys are for operators: the apiKeys query refuses a partner', async () => {
    for (const response of [await asA.gateway(`{ apiKeys(first: 50) { nodes { prefix } } }`), await asA.subgraph('partners', `{ apiKeys(first: 50) { nodes { prefix } } }`)]) {
      expect(response.data?.apiKeys ?? null).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('a partner sees PUBLIC incidents and the PARTNERS incidents that affect it, and nothing else', () => {
  const INCIDENT_FIELDS = 'id visibility partners { id }';
  let allowed: Set<string>;
  let hidden: string[];
  let affectingA: string;

  beforeAll(async () => {
    // The seed has no PARTNERS incident that affects A: open one, which A must see and B must not.
    affectingA = await openPartnersIncident('Affects partner A only', 'base', A_ID);
    const all = await asOperator('incidents', `{ incidents(first: 100) { nodes { ${INCIDENT_FIELDS} } } }`);
    const nodes = all.data.incidents.nodes as Array<{ id: string; visibility: string; partners: Array<{ id: string }> }>;
    const visible = (node: (typeof nodes)[number]) => node.visibility === 'PUBLIC' || (node.visibility === 'PARTNERS' && node.partners.some(({ id }) => id === A_ID));
    allowed = new Set(nodes.filter(visible).map(({ id }) => id));
    hidden = nodes.filter((node) => !visible(node)).map(({ id }) => id);
    // The seed has a PARTNERS incident that affects others, not A; the identity tests add INTERNAL ones elsewhere.
    expect(hidden.length).toBeGreaterThan(0);
    expect(allowed.has(affectingA)).toBe(true);
  });

  it('in the incidents list and by id, through the gateway and at the subgraph', async () => {
    for (const ask of [(q: string, v?: Record<string, unknown>) => asA.gateway(q, v), (q: string, v?: Record<string, unknown>) => asA.subgraph('incidents', q, v)]) {
      const list = await ask(`{ incidents(first: 100) { nodes { id } } }`);
      expect(list.errors).toBeUndefined();
      const ids = list.data.incidents.nodes.map(({ id }: { id: string }) => id);
      expect(new Set(ids)).toEqual(allowed);
      expect(ids).toContain(affectingA);
      expect((await ask(`query ($id: ID!) { incident(id: $id) { id } }`, { id: affectingA })).data.incident).toEqual({ id: affectingA });
      for (const id of hidden) {
        const one = await ask(`query ($id: ID!) { incident(id: $id) { id title } }`, { id });
        expect({ id, incident: one.data.incident, errors: one.errors }).toEqual({ id, incident: null, errors: undefined });
      }
    }
  });

  it('under every chain, bridge and partner, and by reference', async () => {
    const reached = await asA.gateway(`{
      chains(first: 100) { nodes { incidents(first: 100) { id } } }
      bridges(first: 100) { nodes { incidents(first: 100) { id } } }
      partners(first: 100) { nodes { incidents(first: 100) { id } } }
    }`);
    expect(reached.errors).toBeUndefined();
    const ids = ['chains', 'bridges', 'partners'].flatMap((list) => reached.data[list].nodes.flatMap((node: { incidents: Array<{ id: string }> }) => node.incidents.map(({ id }) => id)));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(allowed.has(id)).toBe(true);
    expect(ids).toContain(affectingA);

    const references = await asA.subgraph('incidents', `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id title } } }`, {
      r: hidden.map((id) => ({ __typename: 'Incident', id })),
    });
    expect(references.data._entities).toEqual(hidden.map(() => null));
  });

  it('another partner never sees a PARTNERS incident that affects only A: not listed, not by id, not by reference', async () => {
    for (const ask of [(q: string, v?: Record<string, unknown>) => asB.gateway(q, v), (q: string, v?: Record<string, unknown>) => asB.subgraph('incidents', q, v)]) {
      const list = await ask(`{ incidents(first: 100) { nodes { id } } }`);
      expect(list.errors).toBeUndefined();
      expect(list.data.incidents.nodes.length).toBeGreaterThan(0);
      expect(list.data.incidents.nodes.map(({ id }: { id: string }) => id)).not.toContain(affectingA);
      const one = await ask(`query ($id: ID!) { incident(id: $id) { id title } }`, { id: affectingA });
      expect(one.errors).toBeUndefined();
      expect(one.data.incident).toBeNull();
    }
    const references = await asB.subgraph('incidents', `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id title } } }`, {
      r: [{ __typename: 'Incident', id: affectingA }],
    });
    expect(references.data._entities).toEqual([null]);
  });
});

describe("a partner never sees or changes another partner's webhook endpoints", () => {
  const NOT_FOUND = (id: string) => ({ message: `No webhook endpoint with id "${id}" exists.`, code: 'NOT_FOUND' });
  let endpointOfB: string;
  let deliveryOfB: string;

  beforeAll(async () => {
    // Nothing listens on the discard port: B's delivery stays in the outbox, retrying.
    const created = await asOperator(
      'incidents',
      `mutation ($p: ID!) { createWebhookEndpoint(partnerId: $p, input: { url: "http://127.0.0.1:9/hooks", description: "B's pager" }) { endpoint { id } } }`,
      { p: B_ID },
    );
    endpointOfB = created.data.createWebhookEndpoint.endpoint.id;
    await openPartnersIncident('OP Mainnet sequencer stalled', 'op-mainnet', B_ID);
    const deliveries = await asOperator('incidents', `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id deliveries { id } } }`, { p: B_ID });
    deliveryOfB = deliveries.data.webhookEndpoints[0].deliveries[0].id;
  });

  const ways = () => [
    { way: 'gateway', ask: (query: string, variables?: Record<string, unknown>) => asA.gateway(query, variables) },
    { way: 'subgraph', ask: (query: string, variables?: Record<string, unknown>) => asA.subgraph('incidents', query, variables) },
  ];

  it("lists none of B's endpoints, by partner id and under Partner.webhookEndpoints", async () => {
    for (const { way, ask } of ways()) {
      const listed = await ask(`query ($p: ID!) { webhookEndpoints(partnerId: $p) { id url deliveries { id } } }`, { p: B_ID });
      expect({ way, errors: listed.errors, data: listed.data }).toEqual({ way, errors: undefined, data: { webhookEndpoints: [] } });
    }
    const throughPartners = await asA.gateway(`{ partners(first: 100) { nodes { id webhookEndpoints { id url } } } }`);
    expect(throughPartners.errors).toBeUndefined();
    for (const node of throughPartners.data.partners.nodes as Array<{ id: string; webhookEndpoints: unknown[] }>) {
      if (node.id !== A_ID) expect({ id: node.id, webhookEndpoints: node.webhookEndpoints }).toEqual({ id: node.id, webhookEndpoints: [] });
    }
    const byReference = await asA.subgraph('incidents', `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Partner { webhookEndpoints { id url } } } }`, {
      r: [{ __typename: 'Partner', id: B_ID }],
    });
    expect(byReference.data._entities).toEqual([{ webhookEndpoints: [] }]);
  });

  it("cannot update, delete, rotate or redeliver B's endpoints: NOT_FOUND, exactly like ids that do not exist", async () => {
    const attempts: Array<[string, Record<string, unknown>, { message: string; code: string }]> = [
      [`mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { url: "https://a.example/steal" }) { id url } }`, { id: endpointOfB }, NOT_FOUND(endpointOfB)],
      [`mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id url } }`, { id: endpointOfB }, NOT_FOUND(endpointOfB)],
      [`mutation ($id: ID!) { rotateWebhookSecret(id: $id) { signingSecret } }`, { id: endpointOfB }, NOT_FOUND(endpointOfB)],
      [`mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { id status } }`, { id: deliveryOfB }, { message: `No webhook delivery with id "${deliveryOfB}" exists.`, code: 'NOT_FOUND' }],
    ];
    for (const { way, ask } of ways()) {
      for (const [query, variables, expected] of attempts) {
        const { data, errors } = await ask(query, variables);
        expect({ way, query, data: data ?? null, errors: errors?.map((error) => ({ message: error.message, code: error.extensions?.code })) }).toEqual({ way, query, data: null, errors: [expected] });
      }
    }
    const after = await asOperator('incidents', `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id url description enabled } }`, { p: B_ID });
    expect(after.data.webhookEndpoints).toEqual([{ id: endpointOfB, url: 'http://127.0.0.1:9/hooks', description: "B's pager", enabled: true }]);
  });

  it("cannot add an endpoint to B, but manages its own through the gateway", async () => {
    const forB = await asA.gateway(`mutation ($p: ID!) { createWebhookEndpoint(partnerId: $p, input: { url: "https://a.example/hook" }) { signingSecret } }`, { p: B_ID });
    expect(forB.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const own = await asA.gateway(`mutation ($p: ID!) { createWebhookEndpoint(partnerId: $p, input: { url: "https://hooks.a.example/junction" }) { endpoint { id } } }`, { p: A_ID });
    expect(own.errors).toBeUndefined();
    const listed = await asA.gateway(`query ($p: ID!) { partner(id: $p) { webhookEndpoints { id url } } }`, { p: A_ID });
    expect(listed.data.partner.webhookEndpoints).toEqual([{ id: own.data.createWebhookEndpoint.endpoint.id, url: 'https://hooks.a.example/junction' }]);
  });

  it('are out of reach without a key', async () => {
    const anonymous = await graphqlRequest(stack.urls.gateway, `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id } }`, { p: B_ID });
    expect(anonymous.data?.webhookEndpoints ?? null).toBeNull();
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
