import { createMemoryEventBus, INCIDENT_EVENTS_TOPIC, type EventBus, type IncidentEventMessage } from '@junction/events';
import { OPERATOR, graphqlRequest, principalHeaders, sseSubscribe, type SseSubscription } from '@junction/testing';
import { chainId, partner, partnerId, startIncidents, type IncidentsHarness } from './incidents-harness';

let harness: IncidentsHarness;
/** The bus the subgraph publishes on, and every message it published. */
let bus: EventBus;
const published: IncidentEventMessage[] = [];
const open: SseSubscription[] = [];

const operator = principalHeaders(OPERATOR);
const scrollTech = principalHeaders(partner('scroll-tech'));
const alchemy = principalHeaders(partner('alchemy'));
const anonymous = principalHeaders();

const EVENTS = `subscription ($filter: IncidentEventFilter) { incidentEvents(filter: $filter) { id sequence kind occurredAt incident { id title status visibility } } }`;
const CREATE = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`;
const POST = `mutation ($id: ID!, $input: PostIncidentUpdateInput!) { postIncidentUpdate(incidentId: $id, input: $input) { id } }`;
const RESOLVE = `mutation ($id: ID!) { resolveIncident(id: $id, message: "Blocks are flowing again.", authorName: "Lin (on-call)") { id } }`;
const REOPEN = `mutation ($id: ID!) { reopenIncident(id: $id, reason: "It stalled again.", authorName: "Lin (on-call)") { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, input: $input) { id } }`;
const ACKNOWLEDGE = `mutation ($id: ID!, $partnerId: ID!) { acknowledgeIncident(incidentId: $id, partnerId: $partnerId, acknowledgedBy: "Sam") { id } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveIncident(id: $id) { id } }`;

async function subscribe(headers: Record<string, string>, filter?: Record<string, unknown>): Promise<SseSubscription> {
  const subscription = await sseSubscribe(harness.url, EVENTS, filter ? { filter } : {}, headers);
  open.push(subscription);
  expect(subscription.status).toBe(200);
  // The stream is open once the headers arrived; give the subgraph a tick to listen on the bus.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return subscription;
}

async function mutate(query: string, variables: Record<string, unknown>, headers = operator): Promise<any> {
  const { data, errors } = await graphqlRequest(harness.url, query, variables, headers);
  expect(errors).toBeUndefined();
  return data;
}

async function createIncident(title: string, visibility: string, partnerIds: string[] = []): Promise<string> {
  const input = {
    title,
    summary: `${title}, as seen by the on-call engineer.`,
    kind: 'SEQUENCER_DOWNTIME',
    severity: 'SEV2',
    visibility,
    chainIds: [chainId('scroll')],
    partnerIds,
    detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' },
  };
  return (await mutate(CREATE, { input })).createIncident.id as string;
}

beforeAll(async () => {
  bus = createMemoryEventBus();
  bus.subscribe<IncidentEventMessage>(INCIDENT_EVENTS_TOPIC, (message) => published.push(message));
  harness = await startIncidents({ events: bus });
});

afterEach(() => {
  for (const subscription of open.splice(0)) subscription.close();
});

afterAll(async () => {
  await harness.close();
  await bus.close();
});

describe('incident events at the incidents subgraph', () => {
  it('records one event per change, in the change’s transaction, and none for a refused change', async () => {
    const id = await createIncident('Scroll sequencer stalled', 'PARTNERS', [partnerId('scroll-tech')]);
    await mutate(POST, { id, input: { status: 'IDENTIFIED', message: 'A stuck batch submitter.', authorName: 'Lin' } });
    await mutate(UPDATE, { id, input: { severity: 'SEV1' } });
    await mutate(ACKNOWLEDGE, { id, partnerId: partnerId('scroll-tech') });
    await mutate(RESOLVE, { id });
    await mutate(REOPEN, { id });
    await mutate(ARCHIVE, { id });
    const before = await harness.rowCounts();
    const refused = await graphqlRequest(harness.url, POST, { id, input: { status: 'RESOLVED', message: 'x', authorName: 'Lin' } }, operator);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await harness.rowCounts()).toEqual(before);

    const rows = (await harness.incidents.db.dataSource.query(
      `SELECT kind, status, severity, visibility, partner_ids::text[] AS partner_ids, chain_ids::text[] AS chain_ids, sequence::float8 AS sequence
         FROM "${harness.incidents.db.dataSource.driver.schema}".incident_event WHERE incident_id = $1 ORDER BY sequence`,
      [id],
    )) as Array<{ kind: string; status: string; severity: string; visibility: string; partner_ids: string[]; chain_ids: string[]; sequence: number }>;
    expect(rows.map(({ kind, status, severity }) => [kind, status, severity])).toEqual([
      ['OPENED', 'INVESTIGATING', 'SEV2'],
      ['UPDATE_POSTED', 'IDENTIFIED', 'SEV2'],
      ['UPDATED', 'IDENTIFIED', 'SEV1'],
      ['ACKNOWLEDGED', 'IDENTIFIED', 'SEV1'],
      ['RESOLVED', 'RESOLVED', 'SEV1'],
      ['REOPENED', 'INVESTIGATING', 'SEV1'],
      ['ARCHIVED', 'INVESTIGATING', 'SEV1'],
    ]);
    expect(rows.every((row) => row.visibility === 'PARTNERS' && row.partner_ids.join() === partnerId('scroll-tech') && row.chain_ids.join() === chainId('scroll'))).toBe(true);
    expect(rows.map((row) => row.sequence)).toEqual([...rows.map((row) => row.sequence)].sort((a, b) => a - b));
    // What went out on the bus is what was stored, with the affected ids as arrays of ids.
    const messages = published.filter((message) => message.incidentId === id);
    expect(messages.map(({ kind, sequence, chainIds, bridgeIds, partnerIds }) => ({ kind, sequence, chainIds, bridgeIds, partnerIds }))).toEqual(
      rows.map(({ kind, sequence }) => ({ kind, sequence, chainIds: [chainId('scroll')], bridgeIds: [], partnerIds: [partnerId('scroll-tech')] })),
    );
  });

  it('streams each event to the subscribers who may see it, and only to them', async () => {
    const [byOperator, byAffectedPartner, byOtherPartner, byPublic] = [
      await subscribe(operator),
      await subscribe(scrollTech),
      await subscribe(alchemy),
      await subscribe(anonymous),
    ];
    const partnersOnly = await createIncident('Scroll prover delayed', 'PARTNERS', [partnerId('scroll-tech')]);
    const internal = await createIncident('Scroll sequencer key rotation', 'INTERNAL');
    const everyone = await createIncident('Scroll RPC degraded', 'PUBLIC');

    const seenBy = async (subscription: SseSubscription, count: number) => {
      const results = [];
      for (let index = 0; index < count; index++) results.push(await subscription.next());
      return results.map(({ data, errors }) => {
        expect(errors).toBeUndefined();
        return [data.incidentEvents.kind, data.incidentEvents.incident.id];
      });
    };
    expect(await seenBy(byOperator, 3)).toEqual([
      ['OPENED', partnersOnly],
      ['OPENED', internal],
      ['OPENED', everyone],
    ]);
    expect(await seenBy(byAffectedPartner, 2)).toEqual([
      ['OPENED', partnersOnly],
      ['OPENED', everyone],
    ]);
    // The first event each of these receives is the public one: the hidden ones were skipped, not delayed.
    expect(await seenBy(byOtherPartner, 1)).toEqual([['OPENED', everyone]]);
    expect(await seenBy(byPublic, 1)).toEqual([['OPENED', everyone]]);
    const [toOtherPartner, toPublic] = await Promise.all([byOtherPartner.collectFor(100), byPublic.collectFor(100)]);
    expect([...toOtherPartner, ...toPublic]).toEqual([]);
  });

  it('delivers what the filter asks for, with the incident read as it is now', async () => {
    const onlyResolutions = await subscribe(operator, { kinds: ['RESOLVED'], chainIds: [chainId('scroll')] });
    const otherChain = await subscribe(operator, { chainIds: [chainId('arbitrum-one')] });
    const id = await createIncident('Scroll gas spike', 'PUBLIC');
    await mutate(RESOLVE, { id });
    const { data } = await onlyResolutions.next();
    expect(data.incidentEvents).toMatchObject({ kind: 'RESOLVED', incident: { id, title: 'Scroll gas spike', status: 'RESOLVED', visibility: 'PUBLIC' } });
    expect(typeof data.incidentEvents.sequence).toBe('number');
    expect(new Date(data.incidentEvents.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The Scroll events were dropped, not delayed: the first event this subscriber gets is the Arbitrum one opened after them.
    const input = { title: 'Arbitrum batch poster stalled', summary: 'Seen by the on-call engineer.', kind: 'SEQUENCER_DOWNTIME', severity: 'SEV2', visibility: 'PUBLIC' };
    const arbitrum = (await mutate(CREATE, { input: { ...input, chainIds: [chainId('arbitrum-one')], partnerIds: [], detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' } } })).createIncident.id;
    const first = await otherChain.next();
    expect(first.errors).toBeUndefined();
    expect(first.data.incidentEvents).toMatchObject({ kind: 'OPENED', incident: { id: arbitrum, title: 'Arbitrum batch poster stalled' } });
  });

  it('reads the incident afresh for every event of a long-lived subscription', async () => {
    const id = await createIncident('Scroll batches delayed', 'PUBLIC');
    const watching = await sseSubscribe(
      harness.url,
      `subscription ($filter: IncidentEventFilter) { incidentEvents(filter: $filter) { kind incident { id chains { id } updates { message } } } }`,
      { filter: { kinds: ['UPDATE_POSTED', 'UPDATED'] } },
      operator,
    );
    open.push(watching);
    expect(watching.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Each change is awaited before the next, so each event is read with the incident exactly as that change left it.
    const updatesAfter = async () => {
      const { data, errors } = await watching.next();
      expect(errors).toBeUndefined();
      return data.incidentEvents.incident.updates.map((update: { message: string }) => update.message);
    };
    await mutate(POST, { id, input: { message: 'Batches are queued at the submitter.', authorName: 'Lin' } });
    expect(await updatesAfter()).toEqual(['Scroll batches delayed, as seen by the on-call engineer.', 'Batches are queued at the submitter.']);
    await mutate(POST, { id, input: { message: 'The submitter is catching up.', authorName: 'Lin' } });
    expect(await updatesAfter()).toEqual(['Scroll batches delayed, as seen by the on-call engineer.', 'Batches are queued at the submitter.', 'The submitter is catching up.']);
    await mutate(UPDATE, { id, input: { chainIds: [chainId('scroll'), chainId('arbitrum-one')] } });
    const { data, errors } = await watching.next();
    expect(errors).toBeUndefined();
    expect(data.incidentEvents.kind).toBe('UPDATED');
    expect(data.incidentEvents.incident.chains.map((chain: { id: string }) => chain.id).sort()).toEqual([chainId('scroll'), chainId('arbitrum-one')].sort());
    const updated = published.find((message) => message.incidentId === id && message.kind === 'UPDATED');
    expect(updated?.chainIds).toEqual([chainId('scroll'), chainId('arbitrum-one')].sort());
  });

  it('refuses a subscription without the gateway’s signed principal, and reports an invalid one', async () => {
    const unsigned = await sseSubscribe(harness.url, EVENTS, {}, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.refusal?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const invalid = await sseSubscribe(harness.url, 'subscription { incidentEvents { nope } }', {}, operator);
    const { errors } = await invalid.next();
    expect(errors?.[0].message).toContain('Cannot query field "nope"');
  });
});
