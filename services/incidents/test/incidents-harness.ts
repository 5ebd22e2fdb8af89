import { createServer as createBridgesServer, type BridgesService } from '@junction/bridges';
import { createServer as createChainsServer, type ChainsService } from '@junction/chains';
import { createServer, type IncidentsDependencies, type IncidentsService } from '@junction/incidents';
import { createServer as createPartnersServer, type PartnersService } from '@junction/partners';
import { createEntityDirectory, seedId, type Principal } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, partnerPrincipal, principalHeaders, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

/** The encryption key the harness seals webhook signing secrets with unless a test gives its own. */
export const TEST_WEBHOOK_SECRET_KEYS: IncidentsDependencies['webhookSecretKeys'] = [{ id: 'test', key: Buffer.alloc(32, 7) }];

/** The incidents subgraph on a test store, with the real chains, partners and bridges subgraphs as owners. */
export interface IncidentsHarness {
  incidents: IncidentsService;
  chains: ChainsService;
  partners: PartnersService;
  bridges: BridgesService;
  /** The incidents subgraph's `/graphql`. */
  url: string;
  /** Rows per table of the incidents schema, to prove a rejected mutation wrote nothing. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * Starts the seeded chains, partners, bridges and incidents subgraphs, each in its own schema of one test store.
 * They share one directory whose owner URLs are filled in as each subgraph starts listening. `options` reach the
 * incidents subgraph: the webhook dispatcher's timings, for instance; an event bus the test listens on (the caller
 * closes a bus it gave); the keys webhook secrets are sealed with ({@link TEST_WEBHOOK_SECRET_KEYS} by default).
 */
export async function startIncidents(options: Partial<Pick<IncidentsDependencies, 'webhooks' | 'events' | 'webhookSecretKeys'>> = {}): Promise<IncidentsHarness> {
  const testStore: TestStore = await openTestStore();
  const { store } = testStore;
  const principalSecret = TEST_PRINCIPAL_SECRET;
  const owners: Record<string, string> = {};
  const directory = createEntityDirectory({ owners, principalSecret: TEST_PRINCIPAL_SECRET });
  const chains = await createChainsServer({ store, dbSchema: testStore.schema('chains'), seed: true, principalSecret });
  owners.Chain = await chains.server.listen(0);
  const partners = await createPartnersServer({ store, dbSchema: testStore.schema('partners'), seed: true, principalSecret, directory });
  owners.Partner = await partners.server.listen(0);
  const bridges = await createBridgesServer({ store, dbSchema: testStore.schema('bridges'), seed: true, principalSecret, directory, chainsUrl: owners.Chain });
  owners.Bridge = await bridges.server.listen(0);
  const schema = testStore.schema('incidents');
  // Test receivers listen on loopback, which the dispatcher refuses unless told otherwise.
  const webhooks = options.webhooks === false ? false : { allowPrivateNetworks: true, ...options.webhooks };
  const webhookSecretKeys = options.webhookSecretKeys ?? TEST_WEBHOOK_SECRET_KEYS;
  const incidents = await createServer({ store, dbSchema: schema, seed: true, principalSecret, directory, webhooks, events: options.events, webhookSecretKeys });
  const url = await incidents.server.listen(0);
  return {
    incidents,
    chains,
    partners,
    bridges,
    url,
    async rowCounts() {
      const tables = ['incident', 'incident_chain', 'incident_bridge', 'incident_partner', 'incident_update', 'incident_acknowledgement', 'incident_event'];
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const [{ n }] = (await incidents.db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".${table}`)) as Array<{ n: number }>;
        counts[table] = n;
      }
      return counts;
    },
    async close() {
      await incidents.close();
      await bridges.close();
      await partners.close();
      await chains.close();
      await testStore.close();
    },
  };
}

/** Seeded ids by slug. */
export const chainId = (slug: string) => seedId('chain', slug);
export const bridgeId = (slug: string) => seedId('bridge', slug);
export const partnerId = (slug: string) => seedId('partner', slug);
export const incidentId = (slug: string) => seedId('incident', slug);

/** A partner principal acting for the seeded partner `slug`. */
export const partner = (slug: string): Principal => partnerPrincipal(partnerId(slug));

/**
 * Creates an endpoint of partner `slug` for OPENED events at a new receiver (added to `receivers`, for the caller to
 * close), as that partner; returns it with the signing secret the API showed.
 */
export async function createOpenedEndpoint(harness: IncidentsHarness, slug: string, receivers: WebhookReceiver[]): Promise<{ id: string; secret: string; receiver: WebhookReceiver }> {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const { data, errors } = await graphqlRequest(
    harness.url,
    `mutation ($partnerId: ID!, $input: CreateWebhookEndpointInput!) { createWebhookEndpoint(partnerId: $partnerId, input: $input) { signingSecret endpoint { id } } }`,
    { partnerId: partnerId(slug), input: { url: receiver.url, eventKinds: ['OPENED'] } },
    principalHeaders(partner(slug)),
  );
  expect(errors).toBeUndefined();
  return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.signingSecret, receiver };
}

/** Opens a PUBLIC incident affecting the partners `slugs`, as an operator: one OPENED delivery to each of their endpoints. */
export async function openPublicIncident(harness: IncidentsHarness, slugs: string[]): Promise<void> {
  const input = {
    title: 'Scroll sequencer stalled',
    summary: 'No block for 5 minutes.',
    kind: 'SEQUENCER_DOWNTIME',
    severity: 'SEV2',
    visibility: 'PUBLIC',
    chainIds: [chainId('scroll')],
    partnerIds: slugs.map(partnerId),
    detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' },
  };
  const { errors } = await graphqlRequest(harness.url, `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`, { input }, principalHeaders(OPERATOR));
  expect(errors).toBeUndefined();
}
