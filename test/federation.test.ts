import { seedId } from '@junction/federation';
import type { Stack } from '@junction/launcher';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';
import { graphqlRequest } from '@junction/testing';

// The whole federation in one process, as `npm start` runs it, queried only through the gateway.

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let operatorKey: string;

beforeAll(async () => {
  testStack = await startTestStack();
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  operatorKey = (await createApiKey(stack, { name: 'federation tests', role: 'OPERATOR' })).secret;
});

afterAll(() => testStack.close());

const query = (text: string, variables: Record<string, unknown> = {}) => graphqlRequest(gateway, text, variables);
/** Mutations need an operator's key. */
const asOperator = (text: string, variables: Record<string, unknown> = {}) => graphqlRequest(gateway, text, variables, bearer(operatorKey));

function resetStatementCounters(): void {
  for (const service of Object.values(stack.services)) service.db.queries.reset();
}

function statementCounts(): Record<string, number> {
  return Object.fromEntries(Object.entries(stack.services).map(([name, service]) => [name, service.db.queries.count]));
}

describe('the federated graph through the gateway', () => {
  it('walks a chain across all four subgraphs in one query', async () => {
    const { data, errors } = await query(
      `query ($id: ID!) { chain(id: $id) {
        name
        owners { partner { name } component }
        bridges { name routes { destination { name } } }
        incidents(open: true) { title severity status }
      } }`,
      { id: seedId('chain', 'arbitrum-one') },
    );
    expect(errors).toBeUndefined();
    expect(data.chain.name).toBe('Arbitrum One');
    expect(data.chain.owners).toEqual(expect.arrayContaining([{ partner: { name: 'Offchain Labs' }, component: 'SEQUENCER' }]));
    const arbitrumBridge = data.chain.bridges.find((bridge: { name: string }) => bridge.name === 'Arbitrum Bridge');
    expect(arbitrumBridge.routes.map((route: { destination: { name: string } }) => route.destination.name)).toEqual(
      expect.arrayContaining(['Ethereum', 'Arbitrum One']),
    );
    expect(data.chain.incidents.length).toBeGreaterThan(0);
    for (const incident of data.chain.incidents) expect(incident.status).not.toBe('RESOLVED');
  });

  it('walks an incident to its chains and to the operators of its bridges', async () => {
    const { data, errors } = await query(`query ($id: ID!) { incident(id: $id) { title chains { name } bridges { name operator { name } } } }`, {
      id: seedId('incident', 'wormhole-exploit-2022-02-02'),
    });
    expect(errors).toBeUndefined();
    expect(data.incident.bridges).toEqual([{ name: 'Wormhole', operator: { name: 'Wormhole Foundation' } }]);
    expect(data.incident.chains.map((chain: { name: string }) => chain.name)).toContain('Ethereum');
  });

  it('answers GET requests too (with a header that rules out cross-site forgery)', async () => {
    const response = await fetch(`${gateway}?query=${encodeURIComponent('{ chain(slug: "base") { chainId } }')}`, {
      headers: { accept: 'application/graphql-response+json', 'x-graphql-csrf': '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { chain: { chainId: 8453 } } });
  });

  it('serves GraphiQL to browsers without loading anything from the internet', async () => {
    const response = await fetch(gateway, { headers: { accept: 'text/html' } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<div id="root">');
    expect(page).not.toMatch(/<script[^>]+src=["']https?:|<link[^>]+href=["']https?:/);
  });

  it('reports health and readiness', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(gateway.replace('/graphql', path));
      expect(response.status).toBe(200);
    }
  });

  it('costs the same number of SQL statements for 50 chains as for 12', async () => {
    const LIST = `{ chains(first: 50) { nodes { name owners { component partner { name } } bridges { name } incidents(open: true) { title } } } }`;
    resetStatementCounters();
    const small = await query(LIST);
    expect(small.errors).toBeUndefined();
    const smallCounts = statementCounts();
    const existing = small.data.chains.nodes.length;
    for (let index = existing; index < 50; index++) {
      const created = await asOperator(`mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
        input: {
          slug: `e2e-rollup-${index}`, name: `E2E Rollup ${index}`, chainId: 770_000 + index, kind: 'ZK_ROLLUP', stack: 'ZK_STACK',
          settlementChainId: seedId('chain', 'ethereum'), daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED',
          expectedBlockTimeMs: 1000, finalityTargetSeconds: 1200, gasTokenSymbol: 'ETH',
        },
      });
      expect(created.errors).toBeUndefined();
    }
    resetStatementCounters();
    const large = await query(LIST);
    expect(large.errors).toBeUndefined();
    expect(large.data.chains.nodes).toHaveLength(50);
    expect(statementCounts()).toEqual(smallCounts);
    // One page query in chains; one batch each for owners (+ their partners), bridges and incidents.
    expect(statementCounts()).toEqual({ chains: 1, partners: 2, bridges: 1, incidents: 1 });
  });

  it('refuses a bridge route to a chain that does not exist, naming the field, and writes nothing', async () => {
    const before = await query(`{ bridges(first: 100, filter: { includeArchived: true }) { nodes { id } } }`);
    const { data, errors } = await asOperator(
      `mutation ($input: CreateBridgeInput!) { createBridge(input: $input) { id } }`,
      {
        input: {
          slug: 'ghost-bridge', name: 'Ghost Bridge', kind: 'THIRD_PARTY', provider: 'Ghost', securityModel: 'MULTISIG',
          validatedBy: '3 of 5 multisig', arbitraryMessaging: false, supportedChainsCount: 2,
          routes: [{
            sourceChainId: seedId('chain', 'ethereum'), destinationChainId: seedId('chain', 'no-such-chain'), tokenSymbol: 'ETH',
            expectedDurationSeconds: 600, feeUsdMin: 1, feeUsdMax: 2, confirmationsRequired: 12,
          }],
        },
      },
    );
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.routes.0.destinationChainId', message: expect.stringContaining(seedId('chain', 'no-such-chain')) }],
    });
    const after = await query(`{ bridges(first: 100, filter: { includeArchived: true }) { nodes { id } } }`);
    expect(after.data.bridges.nodes).toEqual(before.data.bridges.nodes);
  });

  it('runs an incident from opening to resolution and shows it on the chain meanwhile', async () => {
    const chainId = seedId('chain', 'scroll');
    const opened = await asOperator(
      `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id status chains { name } } }`,
      {
        input: {
          title: 'Scroll: blocks delayed', summary: 'Block production is 5x slower than expected.', kind: 'SEQUENCER_DOWNTIME',
          severity: 'SEV3', visibility: 'PUBLIC', chainIds: [chainId], detectedBy: { source: 'PERSON', reporterName: 'on-call' },
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data.createIncident).toMatchObject({ status: 'INVESTIGATING', chains: [{ name: 'Scroll' }] });
    const id = opened.data.createIncident.id;
    const openTitles = async () =>
      (await query(`query ($id: ID!) { chain(id: $id) { incidents(open: true) { title } } }`, { id: chainId })).data.chain.incidents.map(
        (incident: { title: string }) => incident.title,
      );
    expect(await openTitles()).toContain('Scroll: blocks delayed');
    const identified = await asOperator(
      `mutation ($id: ID!) { postIncidentUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Prover backlog.", authorName: "on-call" }) { status } }`,
      { id },
    );
    expect(identified.data.postIncidentUpdate.status).toBe('IDENTIFIED');
    const resolved = await asOperator(`mutation ($id: ID!) { resolveIncident(id: $id, message: "Caught up.", authorName: "on-call") { status updates { status } } }`, { id });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveIncident.updates.map((update: { status: string }) => update.status)).toEqual(['INVESTIGATING', 'IDENTIFIED', 'RESOLVED']);
    expect(await openTitles()).not.toContain('Scroll: blocks delayed');
  });

  it('answers null for an unknown chain and NOT_FOUND for changing one', async () => {
    const lookup = await query(`{ chain(id: "5b7c8d9e-0000-4000-8000-000000000000") { name } }`);
    expect(lookup).toMatchObject({ data: { chain: null } });
    expect(lookup.errors).toBeUndefined();
    const update = await asOperator(`mutation { archiveChain(id: "5b7c8d9e-0000-4000-8000-000000000000") { id } }`);
    expect(update.data).toBeNull();
    expect(update.errors?.[0]).toMatchObject({
      message: 'No active chain with id "5b7c8d9e-0000-4000-8000-000000000000" exists.',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('masks unexpected failures and never leaks a stack trace', async () => {
    const { errors } = await query(`{ chains(first: 1, after: "not-a-cursor") { nodes { id } } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'after', message: expect.any(String) }] });
    expect(JSON.stringify(errors)).not.toMatch(/at .+\.(ts|js):\d+/);
  });
});
