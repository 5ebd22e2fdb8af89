import { seedId } from '@junction/federation';
import type { Stack } from '@junction/launcher';
import { graphqlRequest, type GraphQLResponse } from '@junction/testing';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// Subgraph fetches whose answer cannot depend on the caller are signed as the public and shared between concurrent
// callers; everything else keeps the caller's principal and is never shared. The response cache is off, so every
// answer here comes from the subgraphs.

const ALCHEMY_ID = seedId('partner', 'alchemy');
const OP_LABS_ID = seedId('partner', 'op-labs');
/** The seeded PARTNERS-visibility incident, affecting Alchemy (and Polygon Labs), not OP Labs. */
const ALCHEMY_OUTAGE = 'Alchemy RPC for Polygon PoS timing out';

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let alchemyKey: string;
let opLabsKey: string;

beforeAll(async () => {
  testStack = await startTestStack({ responseCache: { enabled: false } });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  alchemyKey = (await createApiKey(stack, { name: 'alchemy dashboard', role: 'PARTNER', partnerId: ALCHEMY_ID })).secret;
  opLabsKey = (await createApiKey(stack, { name: 'op labs dashboard', role: 'PARTNER', partnerId: OP_LABS_ID })).secret;
});

afterAll(() => testStack.close());

/** Public catalogue (chains, owners, bridges) and private data (incidents by visibility, contacts, rollback procedures) in one query. */
const MIXED = `query ($slug: String!) {
  chains(first: 20) { nodes { name owners { component partner { name } } bridges { name } incidents(open: true) { title visibility } } }
  partner(slug: $slug) { name contacts { name } rolloutPlans { title rollback { pauseProcedure } } incidents(open: true) { title } }
}`;
/** Public catalogue only. */
const CATALOGUE = `{ chains(first: 20) { nodes { name chainId owners { component partner { name } } bridges { name provider } } } }`;

const incidentTitles = (response: GraphQLResponse): string[] =>
  (response.data.chains.nodes as Array<{ incidents: Array<{ title: string }> }>).flatMap((chain) => chain.incidents.map((incident) => incident.title));

function sqlStatements(): Record<'partners' | 'chains' | 'bridges' | 'incidents', number> {
  const { partners, chains, bridges, incidents } = stack.services;
  return { partners: partners.db.queries.count, chains: chains.db.queries.count, bridges: bridges.db.queries.count, incidents: incidents.db.queries.count };
}

/** Makes `http` handle each request `ms` late; returns the function that undoes it. */
function delayRequests(http: Server, ms: number): () => void {
  const handlers = http.listeners('request') as Array<(request: IncomingMessage, response: ServerResponse) => void>;
  http.removeAllListeners('request');
  http.on('request', (request: IncomingMessage, response: ServerResponse) => setTimeout(() => handlers.forEach((handler) => handler.call(http, request, response)), ms));
  return () => {
    http.removeAllListeners('request');
    for (const handler of handlers) http.on('request', handler);
  };
}

function resetSqlStatements(): void {
  for (const service of Object.values(stack.services)) service.db.queries.reset();
}

describe('fetches signed as the caller where the answer depends on who asks', () => {
  it("shows a partner its own PARTNERS incidents, contacts and rollback procedures beside the public catalogue, and another partner none of them", async () => {
    const alchemy = await graphqlRequest(gateway, MIXED, { slug: 'alchemy' }, bearer(alchemyKey));
    expect(alchemy.errors).toBeUndefined();
    expect(alchemy.data.chains.nodes.length).toBeGreaterThan(10);
    expect(alchemy.data.chains.nodes.some((chain: { owners: unknown[] }) => chain.owners.length > 0)).toBe(true);
    expect(incidentTitles(alchemy)).toContain(ALCHEMY_OUTAGE);
    expect(alchemy.data.partner.incidents.map((incident: { title: string }) => incident.title)).toContain(ALCHEMY_OUTAGE);
    expect(alchemy.data.partner.contacts.length).toBeGreaterThan(0);

    const opLabs = await graphqlRequest(gateway, MIXED, { slug: 'alchemy' }, bearer(opLabsKey));
    expect(incidentTitles(opLabs)).not.toContain(ALCHEMY_OUTAGE);
    expect(opLabs.data.partner.incidents.map((incident: { title: string }) => incident.title)).not.toContain(ALCHEMY_OUTAGE);
    expect(opLabs.data.partner.contacts).toBeNull();
    expect(opLabs.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['partner', 'contacts'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]));
  });

  it('never hands one partner the answer fetched for another, however many ask at once', async () => {
    const callers = Array.from({ length: 48 }, (_, index) => (index % 2 === 0 ? 'alchemy' : 'opLabs') as 'alchemy' | 'opLabs');
    const answers = await Promise.all(
      callers.map(async (caller) => ({ caller, titles: incidentTitles(await graphqlRequest(gateway, MIXED, { slug: 'op-labs' }, bearer(caller === 'alchemy' ? alchemyKey : opLabsKey))) })),
    );
    expect(answers.filter(({ caller, titles }) => caller === 'alchemy' && !titles.includes(ALCHEMY_OUTAGE))).toEqual([]);
    expect(answers.filter(({ caller, titles }) => caller === 'opLabs' && titles.includes(ALCHEMY_OUTAGE))).toEqual([]);
  });
});

describe('fetches signed as the public where the answer is the same for everyone', () => {
  it('shares one subgraph request between concurrent callers with different keys asking for the catalogue', async () => {
    const keys = await Promise.all(
      ['alchemy', 'op-labs', 'offchain-labs', 'polygon-labs'].flatMap((slug) =>
        Array.from({ length: 6 }, (_, index) => createApiKey(stack, { name: `${slug} ${index}`, role: 'PARTNER', partnerId: seedId('partner', slug) })),
      ),
    );
    // Each key once alone: the gateway knows every key, and what one catalogue query costs each subgraph.
    const alone = await graphqlRequest(gateway, CATALOGUE, {}, bearer(keys[0].secret));
    expect(alone.errors).toBeUndefined();
    for (const { secret } of keys.slice(1)) await graphqlRequest(gateway, CATALOGUE, {}, bearer(secret));
    resetSqlStatements();
    await graphqlRequest(gateway, CATALOGUE, {}, bearer(keys[0].secret));
    const perQuery = sqlStatements();
    expect(perQuery.chains).toBeGreaterThan(0);

    resetSqlStatements();
    // The chains subgraph answers 3 s late, so every caller's chains fetch starts while the first is in flight.
    const restore = delayRequests(stack.services.chains.server.http, 3000);
    let answers: GraphQLResponse[];
    try {
      answers = await Promise.all(keys.map(({ secret }) => graphqlRequest(gateway, CATALOGUE, {}, bearer(secret))));
    } finally {
      restore();
    }
    for (const answer of answers) expect(answer).toMatchObject({ status: 200, data: alone.data });
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const shared = sqlStatements();
    // Without sharing, every caller would cost `perQuery` statements at each subgraph; shared, the chains list is read once.
    expect(shared.chains).toBeLessThan(keys.length * perQuery.chains);
    expect(shared.chains).toBe(perQuery.chains);
    expect(shared.chains + shared.partners + shared.bridges).toBeLessThan((keys.length * (perQuery.chains + perQuery.partners + perQuery.bridges)) / 2);
  });
});
