import { createMemoryEventBus, INCIDENT_EVENTS_TOPIC, type IncidentEventMessage } from '@junction/events';
import { seedId } from '@junction/federation';
import { createGateway } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { graphqlRequest, OPERATOR, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse } from '@junction/testing';
import path from 'node:path';
import { eventually } from './subscription-clients';
import { startTestStack, type TestStack } from './test-stack';

// Cached answers holding incidents go stale when an incident changes by any path: the incidents service publishes an
// event for every change, and every gateway listening on the bus invalidates `Incident`.

let testStack: TestStack;
let stack: Stack;
let gateway: string;

beforeAll(async () => {
  testStack = await startTestStack({ rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } } });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
});

afterAll(() => testStack.close());

const cacheHeader = (response: GraphQLResponse) => response.headers.get('x-junction-cache');
const OPEN_ON_BASE = `query OpenOnBase($id: ID!) { chain(id: $id) { name incidents(open: true) { title } } }`;
const titles = (response: GraphQLResponse): string[] => response.data.chain.incidents.map((incident: { title: string }) => incident.title);
const CREATE_INCIDENT = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`;
const incident = (title: string) => ({
  title,
  summary: 'Opened straight at the incidents service, as an alert rule would.',
  kind: 'OTHER',
  severity: 'SEV4',
  visibility: 'PUBLIC',
  chainIds: [seedId('chain', 'base')],
  detectedBy: { source: 'PERSON', reporterName: 'cache tests' },
});

describe('the response cache and incident events', () => {
  it('makes a cached incidents answer stale when an incident changes without going through the gateway', async () => {
    const variables = { id: seedId('chain', 'base') };
    await graphqlRequest(gateway, OPEN_ON_BASE, variables);
    const cached = await graphqlRequest(gateway, OPEN_ON_BASE, variables);
    expect(cacheHeader(cached)).toBe('HIT');

    const direct = await graphqlRequest(stack.urls.incidents, CREATE_INCIDENT, { input: incident('Opened behind the gateway') }, principalHeaders(OPERATOR));
    expect(direct.errors).toBeUndefined();

    let answer: GraphQLResponse | undefined;
    await eventually(async () => {
      answer = await graphqlRequest(gateway, OPEN_ON_BASE, variables);
      return cacheHeader(answer) === 'MISS';
    }, 'the gateway runs the query again');
    expect(titles(answer!)).toContain('Opened behind the gateway');
    // Answers without incidents stay cached.
    const chains = `{ chains(first: 3) { nodes { name } } }`;
    await graphqlRequest(gateway, chains);
    await graphqlRequest(stack.urls.incidents, CREATE_INCIDENT, { input: incident('Another one behind the gateway') }, principalHeaders(OPERATOR));
    await eventually(async () => cacheHeader(await graphqlRequest(gateway, OPEN_ON_BASE, variables)) === 'MISS', 'incidents go stale again');
    expect(cacheHeader(await graphqlRequest(gateway, chains))).toBe('HIT');
  });

  it('listens on the bus it is given until it closes, and leaves the bus open', async () => {
    const events = createMemoryEventBus();
    const other = createGateway(
      {
        supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
        subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
        principalSecret: TEST_PRINCIPAL_SECRET,
        logLevel: 'error',
      },
      { events },
    );
    const url = await other.listen(0, '127.0.0.1');
    const variables = { id: seedId('chain', 'base') };
    await graphqlRequest(url, OPEN_ON_BASE, variables);
    expect(cacheHeader(await graphqlRequest(url, OPEN_ON_BASE, variables))).toBe('HIT');
    // An event from another replica's incidents service (this bus is not the stack's, so nothing changed): still stale.
    await events.publish<Partial<IncidentEventMessage>>(INCIDENT_EVENTS_TOPIC, { id: 'event-1', kind: 'UPDATED', incidentId: 'any' });
    await eventually(async () => cacheHeader(await graphqlRequest(url, OPEN_ON_BASE, variables)) === 'MISS', 'the event invalidates');
    await other.close();
    await expect(events.ready()).resolves.toBeUndefined();
    await events.close();
  });
});
