import { OPERATOR, graphqlRequest, principalHeaders } from '@junction/testing';
import { createHmac } from 'node:crypto';
import { IncidentEntity } from '../src/entities/incident.entity';
import { IncidentEventLog } from '../src/events/incident-event-log';
import { WebhookOutbox } from '../src/repositories/webhook-outbox.repository';
import { SecretBox } from '../src/webhooks/secret-box';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher';
import { chainId, partner, partnerId, startIncidents, TEST_WEBHOOK_SECRET_KEYS, type IncidentsHarness } from './incidents-harness';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver';

// Partner webhooks end to end at the incidents subgraph: endpoints are managed through GraphQL, incident changes
// queue deliveries in their own transaction, and the real dispatcher POSTs them to real HTTP servers on loopback.

let harness: IncidentsHarness;
const receivers: WebhookReceiver[] = [];

const operator = principalHeaders(OPERATOR);
const MAX_ATTEMPTS = 3;
const ALL_KINDS = ['OPENED', 'UPDATED', 'UPDATE_POSTED', 'RESOLVED', 'REOPENED', 'ACKNOWLEDGED', 'ARCHIVED'];

const ENDPOINT_FIELDS = 'id url description eventKinds enabled partner { id }';
const CREATE_ENDPOINT = `mutation ($partnerId: ID!, $input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(partnerId: $partnerId, input: $input) { signingSecret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE_ENDPOINT = `mutation ($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT_FIELDS} } }`;
const DELETE_ENDPOINT = `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`;
const ROTATE_SECRET = `mutation ($id: ID!, $keepPreviousForHours: Int) {
  rotateWebhookSecret(id: $id, keepPreviousForHours: $keepPreviousForHours) { signingSecret endpoint { id previousSecretExpiresAt } } }`;
const REDELIVER = `mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { id status attempts nextAttemptAt } }`;
const DELIVERY_FIELDS = 'id eventId eventKind status attempts lastStatusCode lastError lastAttemptAt nextAttemptAt deliveredAt';
const ENDPOINTS_WITH_DELIVERIES = `query ($partnerId: ID!) { webhookEndpoints(partnerId: $partnerId) { id deliveries(first: 50) { ${DELIVERY_FIELDS} } } }`;
const CREATE_INCIDENT = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`;
const RESOLVE_INCIDENT = `mutation ($id: ID!) { resolveIncident(id: $id, message: "Blocks are flowing again.", authorName: "Lin (on-call)") { id status } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventKind: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

beforeAll(async () => {
  // No short maxIdleMs: deliveries must go out because an event woke the dispatcher or a retry fell due, not by polling.
  harness = await startIncidents({ webhooks: { backoffBaseMs: 10, backoffCapMs: 40, maxAttempts: MAX_ATTEMPTS, requestTimeoutMs: 3000 } });
});

afterAll(async () => {
  await harness.close();
  for (const receiver of receivers) await receiver.close();
});

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

/** Creates an endpoint as `headers` (the partner itself by default); returns its id and signing secret. */
async function createEndpoint(slug: string, input: Record<string, unknown>, headers = principalHeaders(partner(slug))) {
  const { data, errors } = await graphqlRequest(harness.url, CREATE_ENDPOINT, { partnerId: partnerId(slug), input }, headers);
  expect(errors).toBeUndefined();
  return { id: data.createWebhookEndpoint.endpoint.id as string, secret: data.createWebhookEndpoint.signingSecret as string, endpoint: data.createWebhookEndpoint.endpoint };
}

/** Opens an incident on Scroll as an operator; returns its id. */
async function openIncident(visibility: string, partnerSlugs: string[]): Promise<string> {
  const input = {
    title: `Scroll sequencer stalled (${visibility})`,
    summary: 'No block for 5 minutes.',
    kind: 'SEQUENCER_DOWNTIME',
    severity: 'SEV2',
    visibility,
    chainIds: [chainId('scroll')],
    partnerIds: partnerSlugs.map(partnerId),
    detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' },
  };
  const { data, errors } = await graphqlRequest(harness.url, CREATE_INCIDENT, { input }, operator);
  expect(errors).toBeUndefined();
  return data.createIncident.id;
}

/** Every delivery of the endpoint, newest first, as an operator reads it. */
async function deliveriesOf(slug: string, endpointId: string): Promise<Delivery[]> {
  const { data, errors } = await graphqlRequest(harness.url, ENDPOINTS_WITH_DELIVERIES, { partnerId: partnerId(slug) }, operator);
  expect(errors).toBeUndefined();
  return data.webhookEndpoints.find((endpoint: { id: string }) => endpoint.id === endpointId).deliveries;
}

/** Polls the endpoint's deliveries until `done` holds. */
async function waitForDeliveries(slug: string, endpointId: string, done: (deliveries: Delivery[]) => boolean): Promise<Delivery[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const deliveries = await deliveriesOf(slug, endpointId);
    if (done(deliveries)) return deliveries;
    if (Date.now() > deadline) throw new Error(`Deliveries never reached the expected state: ${JSON.stringify(deliveries)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Checks the Junction-Signature of a received request with the secret, as a partner's receiver would: one of its v1 matches. */
function expectSignedWith(request: ReceivedWebhook, secret: string): void {
  const match = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(String(request.headers['junction-signature']));
  expect(match).not.toBeNull();
  const [, timestamp, signatures] = match!;
  expect(signatures.split(',v1=')).toContain(createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex'));
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
}

async function outboxDepth(): Promise<Record<string, number>> {
  const text = await (await fetch(harness.url.replace(/\/graphql$/, '/metrics'))).text();
  const depth: Record<string, number> = {};
  for (const [, labels, value] of text.matchAll(/^junction_webhook_outbox_depth\{([^}]*)\} (\S+)$/gm)) {
    depth[/status="([A-Z]+)"/.exec(labels)![1]] = Number(value);
  }
  return depth;
}

/** `junction_webhook_deliveries_total` with outcome="delivered" on `/metrics`, summed over its other labels; 0 before the first. */
async function deliveredTotal(): Promise<number> {
  const text = await (await fetch(harness.url.replace(/\/graphql$/, '/metrics'))).text();
  return [...text.matchAll(/^junction_webhook_deliveries_total\{[^}]*outcome="delivered"[^}]*\} (\S+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** Rows in a table of the incidents schema, optionally filtered. */
async function rowCount(table: 'webhook_endpoint' | 'webhook_delivery', where = 'true', parameters: unknown[] = []): Promise<number> {
  const { dataSource } = harness.incidents.db;
  const schema = (dataSource.options as { schema: string }).schema;
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".${table} WHERE ${where}`, parameters);
  return n;
}

/** Waits until the incidents DataSource has sent no statement for 200 ms (the dispatcher's round in progress is done). */
async function waitForIdle(): Promise<void> {
  const { queries } = harness.incidents.db;
  for (let seen = -1; seen !== queries.count; ) {
    seen = queries.count;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const endpointCount = () => rowCount('webhook_endpoint');
const deliveryCount = () => rowCount('webhook_delivery');

describe('webhook endpoints', () => {
  it('are created by their partner with every event kind by default, and the signing secret is shown only then', async () => {
    const target = await receiver();
    const { id, secret, endpoint } = await createEndpoint('offchain-labs', { url: target.url, description: '  Pager bridge  ' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toEqual({ id, url: target.url, description: 'Pager bridge', eventKinds: ALL_KINDS, enabled: true, partner: { id: partnerId('offchain-labs') } });

    const listed = await graphqlRequest(harness.url, `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id url } }`, { p: partnerId('offchain-labs') }, principalHeaders(partner('offchain-labs')));
    expect(listed.data.webhookEndpoints).toContainEqual({ id, url: target.url });
    const secretField = await graphqlRequest(harness.url, `query ($p: ID!) { webhookEndpoints(partnerId: $p) { signingSecret } }`, { p: partnerId('offchain-labs') }, operator);
    expect(secretField.errors?.[0].message).toBe('Cannot query field "signingSecret" on type "WebhookEndpoint".');
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  it('refuse a public caller, and hide other partners\u2019 endpoints from a partner', async () => {
    const { id } = await createEndpoint('op-labs', { url: 'https://hooks.op-labs.example/junction' });
    const anonymous = await graphqlRequest(harness.url, `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id } }`, { p: partnerId('op-labs') }, principalHeaders());
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const other = await graphqlRequest(harness.url, `query ($p: ID!) { webhookEndpoints(partnerId: $p) { id } }`, { p: partnerId('op-labs') }, principalHeaders(partner('offchain-labs')));
    expect(other).toMatchObject({ data: { webhookEndpoints: [] } });
    const update = await graphqlRequest(harness.url, UPDATE_ENDPOINT, { id, input: { enabled: false } }, principalHeaders(partner('offchain-labs')));
    expect({ message: update.errors?.[0].message, code: update.errors?.[0].extensions?.code }).toEqual({ message: `No webhook endpoint with id "${id}" exists.`, code: 'NOT_FOUND' });
    const create = await graphqlRequest(harness.url, CREATE_ENDPOINT, { partnerId: partnerId('op-labs'), input: { url: 'https://evil.example/hook' } }, principalHeaders(partner('offchain-labs')));
    expect({ message: create.errors?.[0].message, code: create.errors?.[0].extensions?.code }).toEqual({
      message: 'A partner key manages webhook endpoints only for its own partner; pass your partner id.',
      code: 'FORBIDDEN',
    });
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  describe('refuse invalid input with field errors and write nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a URL that is not one', { url: 'hooks dot example' }, 'input.url', 'url must be an absolute https URL, e.g. https://hooks.example.org/junction'],
      ['plain http to a public host', { url: 'http://hooks.example.org/junction' }, 'input.url', 'url must use https; plain http is accepted only for loopback hosts (localhost, 127.0.0.1, [::1])'],
      ['another scheme', { url: 'ftp://hooks.example.org/junction' }, 'input.url', 'url must be an absolute https URL, e.g. https://hooks.example.org/junction'],
      ['credentials in the URL', { url: 'https://user:pw@hooks.example.org/junction' }, 'input.url', 'url must not contain a user name or password; deliveries are authenticated by their signature'],
      ['an empty kind list', { url: 'https://hooks.example.org/junction', eventKinds: [] }, 'input.eventKinds', 'eventKinds must list at least one kind; leave it out to receive every kind'],
    ];
    it.each(cases)('%s', async (_name, input, field, message) => {
      const before = await endpointCount();
      const { data, errors } = await graphqlRequest(harness.url, CREATE_ENDPOINT, { partnerId: partnerId('alchemy'), input }, operator);
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect({ message: errors?.[0].message, ...errors?.[0].extensions }).toEqual({ message: `Invalid ${field}: ${message}`, code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
      expect(await endpointCount()).toBe(before);
    });

    it('an unknown event kind', async () => {
      const { data, errors } = await graphqlRequest(harness.url, CREATE_ENDPOINT, { partnerId: partnerId('alchemy'), input: { url: 'https://hooks.example.org/junction', eventKinds: ['EXPLODED'] } }, operator);
      expect(data).toBeUndefined();
      expect({ message: errors?.[0].message, code: errors?.[0].extensions?.code }).toEqual({
        message: 'Variable "$input" got invalid value "EXPLODED" at "input.eventKinds[0]"; Value "EXPLODED" does not exist in "IncidentEventKind" enum.',
        code: 'BAD_USER_INPUT',
      });
    });

    it('an unknown partner', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const { errors } = await graphqlRequest(harness.url, CREATE_ENDPOINT, { partnerId: unknown, input: { url: 'https://hooks.example.org/junction' } }, operator);
      expect({ message: errors?.[0].message, ...errors?.[0].extensions }).toEqual({
        message: `Invalid partnerId: no partner has id "${unknown}"`,
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'partnerId', message: `no partner has id "${unknown}"` }],
      });
    });

    it('a null URL in a change', async () => {
      const { id } = await createEndpoint('alchemy', { url: 'https://hooks.example.org/junction' });
      const { errors } = await graphqlRequest(harness.url, UPDATE_ENDPOINT, { id, input: { url: null } }, operator);
      expect({ message: errors?.[0].message, ...errors?.[0].extensions }).toEqual({
        message: 'Invalid input.url: cannot be null; leave it out to keep the current value',
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'input.url', message: 'cannot be null; leave it out to keep the current value' }],
      });
      await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
    });
  });
});

describe('webhook deliveries', () => {
  it('cost no SQL statement while nothing is pending, and still go out as soon as an event is recorded', async () => {
    const { queries } = harness.incidents.db;
    const idleFor = async (ms: number) => {
      queries.reset();
      await new Promise((resolve) => setTimeout(resolve, ms));
      return queries.statements;
    };
    // The dispatcher's first round runs as it starts; after it, nothing is due and nothing woke it.
    await waitForIdle();
    expect(await idleFor(1000)).toEqual([]);

    const target = await receiver();
    const { id } = await createEndpoint('eigen-labs', { url: target.url });
    const startedAt = Date.now();
    await openIncident('PUBLIC', ['eigen-labs']);
    await target.waitFor(1, 10_000);
    // Far sooner than the idle fallback (60 s): the event woke the dispatcher.
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    await waitForDeliveries('eigen-labs', id, ([delivery]) => delivery?.status === 'DELIVERED');
    expect(await idleFor(1000)).toEqual([]);
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  it('send each event, signed, once to every endpoint of an affected partner that wants its kind; never INTERNAL ones, never to unaffected partners', async () => {
    const allOfA = await receiver();
    const resolvedOfA = await receiver();
    const allOfB = await receiver();
    const a = await createEndpoint('scroll-tech', { url: allOfA.url });
    const aResolved = await createEndpoint('scroll-tech', { url: resolvedOfA.url, eventKinds: ['RESOLVED'] });
    const b = await createEndpoint('matter-labs', { url: allOfB.url });

    // PUBLIC, affecting A: A's endpoint that takes every kind gets OPENED; the RESOLVED-only one nothing; B nothing.
    const incident = await openIncident('PUBLIC', ['scroll-tech']);
    expect((await deliveriesOf('scroll-tech', a.id)).map((delivery) => delivery.eventKind)).toEqual(['OPENED']);
    const [opened] = await allOfA.waitFor(1);
    const body = JSON.parse(opened.body);
    expect(body).toEqual({
      id: expect.any(String),
      kind: 'OPENED',
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      incident: { id: incident, status: 'INVESTIGATING', severity: 'SEV2', visibility: 'PUBLIC', chainIds: [chainId('scroll')], bridgeIds: [], partnerIds: [partnerId('scroll-tech')] },
    });
    expect(opened.headers).toMatchObject({
      'content-type': 'application/json',
      'junction-event-id': body.id,
      'idempotency-key': body.id,
      'junction-event-kind': 'OPENED',
      'junction-delivery-attempt': '1',
    });
    expectSignedWith(opened, a.secret);
    expect(await waitForDeliveries('scroll-tech', a.id, ([delivery]) => delivery?.status === 'DELIVERED')).toEqual([
      expect.objectContaining({ eventId: body.id, eventKind: 'OPENED', status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, deliveredAt: expect.any(String) }),
    ]);

    // Resolving it: both of A's endpoints get RESOLVED (the same event, the same id), B still nothing.
    await graphqlRequest(harness.url, RESOLVE_INCIDENT, { id: incident }, operator);
    const [, resolved] = await allOfA.waitFor(2);
    const [resolvedToFiltered] = await resolvedOfA.waitFor(1);
    expect(JSON.parse(resolved.body)).toMatchObject({ kind: 'RESOLVED', incident: { status: 'RESOLVED' } });
    expect(resolvedToFiltered.body).toBe(resolved.body);
    expect(resolvedToFiltered.headers['idempotency-key']).toBe(JSON.parse(resolved.body).id);
    expectSignedWith(resolvedToFiltered, aResolved.secret);

    // PARTNERS, affecting B only: B gets it, A does not.
    const partnersOnly = await openIncident('PARTNERS', ['matter-labs']);
    const [toB] = await allOfB.waitFor(1);
    expect(JSON.parse(toB.body)).toMatchObject({ kind: 'OPENED', incident: { id: partnersOnly, visibility: 'PARTNERS' } });
    expectSignedWith(toB, b.secret);

    // INTERNAL, affecting both; and PUBLIC affecting no partner: nothing is queued for anyone.
    const before = await deliveryCount();
    await openIncident('INTERNAL', ['scroll-tech', 'matter-labs']);
    await openIncident('PUBLIC', []);
    expect(await deliveryCount()).toBe(before);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([allOfA.received.length, resolvedOfA.received.length, allOfB.received.length]).toEqual([2, 1, 1]);
  });

  it('retry after a failure and end DELIVERED on the second attempt, with the same event id', async () => {
    const flaky = await receiver();
    flaky.answer([500]);
    const { id } = await createEndpoint('base-team', { url: flaky.url });
    await openIncident('PUBLIC', ['base-team']);
    const [first, second] = await flaky.waitFor(2);
    expect([first.headers['junction-delivery-attempt'], second.headers['junction-delivery-attempt']]).toEqual(['1', '2']);
    expect(second.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect(second.body).toBe(first.body);
    expect(await waitForDeliveries('base-team', id, ([delivery]) => delivery?.status === 'DELIVERED')).toEqual([
      expect.objectContaining({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null }),
    ]);
  });

  it('end FAILED after the last attempt, and a redelivery puts the delivery back in the outbox', async () => {
    const down = await receiver();
    down.answer([], 503);
    const { id } = await createEndpoint('consensys', { url: down.url });
    await openIncident('PUBLIC', ['consensys']);
    const [failed] = await waitForDeliveries('consensys', id, ([delivery]) => delivery?.status === 'FAILED');
    expect(failed).toMatchObject({
      status: 'FAILED',
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 503,
      lastError: 'The endpoint answered HTTP 503; only a 2xx answer counts as delivered.',
      nextAttemptAt: null,
      deliveredAt: null,
    });
    expect(down.received).toHaveLength(MAX_ATTEMPTS);

    // Only its partner (or an operator) may redeliver it; another partner gets NOT_FOUND.
    const byOther = await graphqlRequest(harness.url, REDELIVER, { id: failed.id }, principalHeaders(partner('base-team')));
    expect(byOther.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);

    down.answer([], 200);
    const redelivered = await graphqlRequest(harness.url, REDELIVER, { id: failed.id }, principalHeaders(partner('consensys')));
    expect(redelivered.data.redeliverWebhookDelivery).toMatchObject({ id: failed.id, status: 'PENDING', attempts: 0 });
    expect(await waitForDeliveries('consensys', id, ([delivery]) => delivery?.status === 'DELIVERED')).toEqual([
      expect.objectContaining({ id: failed.id, status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null }),
    ]);
    expect(down.received[MAX_ATTEMPTS].headers['idempotency-key']).toBe(down.received[0].headers['idempotency-key']);

    const again = await graphqlRequest(harness.url, REDELIVER, { id: failed.id }, operator);
    expect({ message: again.errors?.[0].message, code: again.errors?.[0].extensions?.code }).toEqual({
      message: `Webhook delivery "${failed.id}" is DELIVERED; only FAILED deliveries can be redelivered.`,
      code: 'CONFLICT',
    });
  });

  it('record why a request could not be sent when nothing listens', async () => {
    const gone = await startWebhookReceiver();
    const url = gone.url;
    await gone.close();
    const { id } = await createEndpoint('polygon-labs', { url });
    await openIncident('PUBLIC', ['polygon-labs']);
    const [failed] = await waitForDeliveries('polygon-labs', id, ([delivery]) => delivery?.status === 'FAILED');
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, lastStatusCode: null, lastError: expect.stringMatching(/^The request could not be sent: connect ECONNREFUSED 127\.0\.0\.1:\d+\.$/) });
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  it('go nowhere while an endpoint is disabled or after it is deleted, and are signed with the new secret only after a rotation that keeps no old one', async () => {
    const target = await receiver();
    const { id, secret } = await createEndpoint('layerzero-labs', { url: target.url });

    await graphqlRequest(harness.url, UPDATE_ENDPOINT, { id, input: { enabled: false } }, principalHeaders(partner('layerzero-labs')));
    await openIncident('PUBLIC', ['layerzero-labs']);
    expect(await deliveriesOf('layerzero-labs', id)).toEqual([]);

    await graphqlRequest(harness.url, UPDATE_ENDPOINT, { id, input: { enabled: true, eventKinds: ['OPENED'] } }, principalHeaders(partner('layerzero-labs')));
    // 0 hours, as for a leaked secret: the old one stops signing at once.
    const rotated = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours: 0 }, principalHeaders(partner('layerzero-labs')));
    const newSecret = rotated.data.rotateWebhookSecret.signingSecret as string;
    expect(newSecret).not.toBe(secret);
    expect(rotated.data.rotateWebhookSecret.endpoint.previousSecretExpiresAt).toBeNull();
    await openIncident('PUBLIC', ['layerzero-labs']);
    const [signed] = await target.waitFor(1);
    expectSignedWith(signed, newSecret);
    expect(() => expectSignedWith(signed, secret)).toThrow();

    target.hold();
    await openIncident('PUBLIC', ['layerzero-labs']);
    await target.waitFor(2);
    const deleted = await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, principalHeaders(partner('layerzero-labs')));
    expect(deleted.data.deleteWebhookEndpoint).toEqual({ id });
    target.release();
    expect(await rowCount('webhook_delivery', 'endpoint_id = $1', [id])).toBe(0);
    await openIncident('PUBLIC', ['layerzero-labs']);
    // Deliveries are queued in the incident's transaction: none was queued for the deleted endpoint.
    expect(await rowCount('webhook_delivery', 'endpoint_id = $1', [id])).toBe(0);
    expect(target.received).toHaveLength(2);
  });

  it('are signed with both the new and the old secret for 24 hours after a rotation, then with the new one only', async () => {
    const target = await receiver();
    const { id, secret: oldSecret } = await createEndpoint('abacus-works', { url: target.url, eventKinds: ['OPENED'] });
    const rotated = await graphqlRequest(harness.url, ROTATE_SECRET, { id }, principalHeaders(partner('abacus-works')));
    expect(rotated.errors).toBeUndefined();
    const { signingSecret: newSecret, endpoint } = rotated.data.rotateWebhookSecret;
    const windowMs = Date.parse(endpoint.previousSecretExpiresAt) - Date.now();
    expect(windowMs).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(windowMs).toBeLessThanOrEqual(24 * 3_600_000);

    await openIncident('PUBLIC', ['abacus-works']);
    const [duringWindow] = await target.waitFor(1);
    expect(duringWindow.headers['junction-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expectSignedWith(duringWindow, newSecret);
    expectSignedWith(duringWindow, oldSecret);

    // The window has passed: the old secret signs no more.
    const { dataSource } = harness.incidents.db;
    const schema = (dataSource.options as { schema: string }).schema;
    await dataSource.query(`UPDATE "${schema}".webhook_endpoint SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    await openIncident('PUBLIC', ['abacus-works']);
    const [, afterWindow] = await target.waitFor(2);
    expect(afterWindow.headers['junction-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expectSignedWith(afterWindow, newSecret);
    expect(() => expectSignedWith(afterWindow, oldSecret)).toThrow();
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  it('keep only the secret rotated away last, and a window longer than a week is refused', async () => {
    const target = await receiver();
    const asPartner = principalHeaders(partner('chainlink-labs'));
    const { id, secret: created } = await createEndpoint('chainlink-labs', { url: target.url, eventKinds: ['OPENED'] });
    const rotate = async (keepPreviousForHours: number) => {
      const { data, errors } = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours }, asPartner);
      expect(errors).toBeUndefined();
      return data.rotateWebhookSecret as { signingSecret: string; endpoint: { previousSecretExpiresAt: string | null } };
    };
    const first = await rotate(168);
    const second = await rotate(1);
    expect(Date.parse(second.endpoint.previousSecretExpiresAt!) - Date.now()).toBeLessThanOrEqual(3_600_000);

    await openIncident('PUBLIC', ['chainlink-labs']);
    const [signed] = await target.waitFor(1);
    expect(signed.headers['junction-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expectSignedWith(signed, second.signingSecret);
    expectSignedWith(signed, first.signingSecret);
    expect(() => expectSignedWith(signed, created)).toThrow();

    const cutOff = await rotate(0);
    expect(cutOff.endpoint.previousSecretExpiresAt).toBeNull();
    const tooLong = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours: 169 }, asPartner);
    expect(tooLong.data).toBeNull();
    expect({ message: tooLong.errors?.[0].message, ...tooLong.errors?.[0].extensions }).toEqual({
      message: 'Invalid keepPreviousForHours: keepPreviousForHours must be at most 168 (a week)',
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'keepPreviousForHours', message: 'keepPreviousForHours must be at most 168 (a week)' }],
    });
    const negative = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours: -1 }, asPartner);
    expect(negative.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'keepPreviousForHours', message: 'keepPreviousForHours must be at least 0' }] });

    // The refused rotations changed nothing: the secret of the last one signs, alone.
    await openIncident('PUBLIC', ['chainlink-labs']);
    const [, after] = await target.waitFor(2);
    expect(after.headers['junction-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expectSignedWith(after, cutOff.signingSecret);
    await graphqlRequest(harness.url, DELETE_ENDPOINT, { id }, operator);
  });

  it('are sent once even when two dispatchers (replicas) work the same outbox', async () => {
    const target = await receiver();
    await createEndpoint('celer-network', { url: target.url });
    const secondReplica = new WebhookDispatcher(new WebhookOutbox(harness.incidents.db.dataSource, new SecretBox(TEST_WEBHOOK_SECRET_KEYS)), { maxIdleMs: 5, batchSize: 2, allowPrivateNetworks: true });
    secondReplica.start();
    try {
      for (let index = 0; index < 6; index += 1) await openIncident('PUBLIC', ['celer-network']);
      await target.waitFor(6);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      await secondReplica.close();
    }
    const eventIds = target.received.map((request) => request.headers['idempotency-key']);
    expect(eventIds).toHaveLength(6);
    expect(new Set(eventIds).size).toBe(6);
  });

  it('are not queued when the incident change rolls back', async () => {
    await createEndpoint('interop-labs', { url: (await receiver()).url });
    const incident = await openIncident('PUBLIC', ['interop-labs']);
    await graphqlRequest(harness.url, RESOLVE_INCIDENT, { id: incident }, operator);
    const before = await deliveryCount();

    // Refused inside the transaction (after the incident was locked): no event, no delivery.
    const refused = await graphqlRequest(harness.url, RESOLVE_INCIDENT, { id: incident }, operator);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
    expect(await deliveryCount()).toBe(before);

    // A change that fails after its event (and its deliveries) were recorded: the outbox rows roll back with it.
    const { dataSource } = harness.incidents.db;
    const eventLog = new IncidentEventLog();
    const outbox = new WebhookOutbox(dataSource, new SecretBox(TEST_WEBHOOK_SECRET_KEYS));
    let queued = 0;
    eventLog.onRecord(async (manager, event) => {
      queued += await outbox.enqueue(manager, event);
    });
    await expect(
      eventLog.write(dataSource, async (manager, record) => {
        await record(await manager.findOneByOrFail(IncidentEntity, { id: incident }), 'UPDATED');
        throw new Error('The change failed after its event was recorded.');
      }),
    ).rejects.toThrow('The change failed after its event was recorded.');
    expect(queued).toBe(1);
    expect(await deliveryCount()).toBe(before);
  });

  it('are counted on /metrics: the outbox depth by status', async () => {
    const slow = await receiver();
    slow.hold();
    const { id } = await createEndpoint('wormhole-foundation', { url: slow.url });
    // Let the deliveries of earlier tests finish first, so the depth changes only by what this test queues.
    let before = await outboxDepth();
    while (before.PENDING > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      before = await outboxDepth();
    }
    expect(Object.keys(before).sort()).toEqual(['FAILED', 'PENDING']);
    const deliveredBefore = await deliveredTotal();
    await openIncident('PUBLIC', ['wormhole-foundation']);
    await openIncident('PUBLIC', ['wormhole-foundation']);
    await slow.waitFor(2);
    expect(await outboxDepth()).toEqual({ ...before, PENDING: before.PENDING + 2 });
    slow.release();
    await waitForDeliveries('wormhole-foundation', id, (deliveries) => deliveries.length === 2 && deliveries.every((delivery) => delivery.status === 'DELIVERED'));
    expect(await outboxDepth()).toEqual(before);
    const text = await (await fetch(harness.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toMatch(/^junction_webhook_deliveries_total\{[^}]*outcome="delivered"[^}]*\} \d+$/m);
    expect((await deliveredTotal()) - deliveredBefore).toBe(2);
  });
});
