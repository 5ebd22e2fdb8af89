import { OPERATOR, graphqlRequest, principalHeaders } from '@junction/testing';
import { bridgeId, chainId, incidentId, partner, partnerId, startIncidents, type IncidentsHarness } from './incidents-harness';

let harness: IncidentsHarness;

const operator = principalHeaders(OPERATOR);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const FINALITY_DELAY = incidentId('arbitrum-one-finality-delay-live');
const RPC_OUTAGE = incidentId('polygon-pos-alchemy-rpc-outage-live');
const ARBITRUM_STALL = incidentId('arbitrum-one-sequencer-stall-2023-12-15');

const INCIDENT_FIELDS = `id title status isOpen identifiedAt resolvedAt archivedAt updates { status previousStatus message authorName }`;
const CREATE = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { ${INCIDENT_FIELDS} chains { id } detectedBy { source ruleKey reporterName } } }`;
const POST = `mutation ($id: ID!, $input: PostIncidentUpdateInput!) { postIncidentUpdate(incidentId: $id, input: $input) { ${INCIDENT_FIELDS} } }`;
const RESOLVE = `mutation ($id: ID!, $message: String!) { resolveIncident(id: $id, message: $message, authorName: "Lin (on-call)") { ${INCIDENT_FIELDS} } }`;
const REOPEN = `mutation ($id: ID!, $reason: String!) { reopenIncident(id: $id, reason: $reason, authorName: "Lin (on-call)") { ${INCIDENT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateIncidentInput!) { updateIncident(id: $id, input: $input) { id title severity visibility runbookUrl chains { id } } }`;
const ACKNOWLEDGE = `mutation ($incidentId: ID!, $partnerId: ID!, $by: String!, $note: String) {
  acknowledgeIncident(incidentId: $incidentId, partnerId: $partnerId, acknowledgedBy: $by, note: $note) { acknowledgements { partner { id } acknowledgedBy note createdAt } } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveIncident(id: $id) { id archivedAt } }`;

const newIncident = (overrides: Record<string, unknown> = {}) => ({
  title: 'Scroll sequencer not producing blocks',
  summary: 'The Scroll sequencer has produced no block for 5 minutes.',
  kind: 'SEQUENCER_DOWNTIME',
  severity: 'SEV2',
  visibility: 'PUBLIC',
  chainIds: [chainId('scroll')],
  detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' },
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}, headers = operator) {
  const { data, errors } = await graphqlRequest(harness.url, CREATE, { input: newIncident(overrides) }, headers);
  expect(errors).toBeUndefined();
  return data.createIncident as { id: string; status: string; updates: unknown[] };
}

/** Runs a mutation that must fail, pins its error and proves nothing was written. */
async function expectRefused(query: string, variables: Record<string, unknown>, expected: Record<string, unknown>, headers = operator) {
  const before = await harness.rowCounts();
  const { data, errors } = await graphqlRequest(harness.url, query, variables, headers);
  expect(data).toBeNull();
  expect(errors).toHaveLength(1);
  expect({ message: errors?.[0].message, ...errors?.[0].extensions }).toEqual(expected);
  expect(await harness.rowCounts()).toEqual(before);
}

const badInput = (field: string, message: string) => ({ message: `Invalid ${field}: ${message}`, code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });

beforeAll(async () => {
  harness = await startIncidents();
});

afterAll(async () => {
  await harness.close();
});

describe('incidents subgraph: changing', () => {
  describe('createIncident', () => {
    it('opens an incident in INVESTIGATING with its summary as the first timeline entry', async () => {
      const incident = await create();
      expect(incident).toMatchObject({
        title: 'Scroll sequencer not producing blocks',
        status: 'INVESTIGATING',
        isOpen: true,
        identifiedAt: null,
        resolvedAt: null,
        chains: [{ id: chainId('scroll') }],
        detectedBy: { source: 'PERSON', ruleKey: null, reporterName: 'Ada (on-call)' },
        updates: [{ status: 'INVESTIGATING', previousStatus: null, message: 'The Scroll sequencer has produced no block for 5 minutes.', authorName: 'Ada (on-call)' }],
      });
    });

    it('records a rule-detected incident with the rule as author of the first entry', async () => {
      const incident = await create({
        title: '  Linea gas spike  ',
        kind: 'GAS_SPIKE',
        chainIds: [chainId('linea')],
        dedupKey: 'gas-spike:linea',
        detectedBy: { source: 'RULE', ruleKey: 'gas-spike' },
      });
      expect(incident).toMatchObject({
        title: 'Linea gas spike',
        detectedBy: { source: 'RULE', ruleKey: 'gas-spike', reporterName: null },
        updates: [{ authorName: 'alert rule gas-spike' }],
      });
    });

    it('opens an incident that affects only a bridge, checked with the bridges and partners subgraphs', async () => {
      const { data, errors } = await graphqlRequest(
        harness.url,
        `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id chains { id } bridges { id } partners { id } } }`,
        {
          input: newIncident({
            title: 'Celer cBridge paused on Ethereum',
            kind: 'BRIDGE_PAUSED',
            chainIds: [],
            bridgeIds: [bridgeId('celer-cbridge')],
            partnerIds: [partnerId('celer-network')],
          }),
        },
        operator,
      );
      expect(errors).toBeUndefined();
      const { id } = data.createIncident;
      expect(data.createIncident).toEqual({ id, chains: [], bridges: [{ id: bridgeId('celer-cbridge') }], partners: [{ id: partnerId('celer-network') }] });
      const onBridge = await graphqlRequest(
        harness.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { incidents(open: true) { id } } } }`,
        { r: [{ __typename: 'Bridge', id: bridgeId('celer-cbridge') }] }, principalHeaders(),
      );
      expect(onBridge.data._entities).toEqual([{ incidents: [{ id }] }]);
    });

    it('names every list with unknown references, asking each owner', async () => {
      await expectRefused(
        CREATE,
        { input: newIncident({ chainIds: [chainId('scroll')], bridgeIds: [bridgeId('scroll-bridge'), UNKNOWN_ID], partnerIds: [partnerId('scroll-tech'), 'nobody'] }) },
        {
          message: 'The input has 2 invalid fields: input.bridgeIds, input.partnerIds.',
          code: 'BAD_USER_INPUT',
          fieldErrors: [
            { field: 'input.bridgeIds', message: `no bridge has id "${UNKNOWN_ID}"` },
            { field: 'input.partnerIds', message: 'no partner has id "nobody"' },
          ],
        },
      );
    });

    const notFuture = new Date(Date.now() + 3_600_000).toISOString();
    it.each([
      ['a blank title', { title: '   ' }, 'input.title', 'title must not be blank'],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'input.title', 'title must be at most 200 characters'],
      ['nothing affected', { chainIds: [], bridgeIds: [] }, 'input.chainIds', 'must list at least one affected chain, unless bridgeIds lists a bridge'],
      ['an unknown chain', { chainIds: [chainId('scroll'), UNKNOWN_ID] }, 'input.chainIds', `no chain has id "${UNKNOWN_ID}"`],
      ['chains that are not ids', { chainIds: ['scroll', 'base'] }, 'input.chainIds', 'no chain has ids "scroll", "base"'],
      ['the same chain twice', { chainIds: [chainId('scroll'), chainId('scroll')] }, 'input.chainIds', 'chainIds must not list the same chain twice'],
      ['a rule detection without its rule', { detectedBy: { source: 'RULE' } }, 'input.detectedBy.ruleKey', 'is required when source is RULE: give the key of the alert rule that fired'],
      ['a person detection without the person', { detectedBy: { source: 'PERSON' } }, 'input.detectedBy.reporterName', 'is required when source is PERSON: give the name of who reported it'],
      ['a person detection with a rule key', { detectedBy: { source: 'PERSON', reporterName: 'Ada', ruleKey: 'gas-spike' } }, 'input.detectedBy.ruleKey', 'must be left out when source is PERSON'],
      ['a malformed rule key', { detectedBy: { source: 'RULE', ruleKey: 'Gas Spike' } }, 'input.detectedBy.ruleKey', 'ruleKey must be lower-case letters and digits joined by - _ . or :, e.g. "sequencer-head-stalled"'],
      ['a start in the future', { startedAt: notFuture }, 'input.startedAt', 'must not be in the future'],
      ['a runbook that is not a web URL', { runbookUrl: 'ftp://runbooks.example/sequencer' }, 'input.runbookUrl', 'runbookUrl must be an http(s) URL'],
      ['a dedup key with spaces', { dedupKey: 'gas spike' }, 'input.dedupKey', 'dedupKey must be 1 to 255 characters without white space'],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
      await expectRefused(CREATE, { input: newIncident(overrides) }, badInput(field, message));
    });

    it('reports every problem of an input at once', async () => {
      const { errors } = await graphqlRequest(harness.url, CREATE, { input: newIncident({ chainIds: [], detectedBy: { source: 'RULE' } }) }, operator);
      expect(errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          { field: 'input.chainIds', message: 'must list at least one affected chain, unless bridgeIds lists a bridge' },
          { field: 'input.detectedBy.ruleKey', message: 'is required when source is RULE: give the key of the alert rule that fired' },
        ],
      });
    });
  });

  describe('dedup keys', () => {
    it('refuses a second open incident with the same dedup key, naming the first', async () => {
      await expectRefused(
        CREATE,
        { input: newIncident({ chainIds: [chainId('arbitrum-one')], dedupKey: 'finality-lag:arbitrum-one' }) },
        badInput(
          'input.dedupKey',
          `"finality-lag:arbitrum-one" is already the dedup key of open incident "${FINALITY_DELAY}" (Arbitrum One batches reaching Ethereum late); post an update to it instead of opening another`,
        ),
      );
    });

    it('lets only operators open incidents: the public is UNAUTHENTICATED, a partner FORBIDDEN, and nothing is written', async () => {
      const input = { input: newIncident({ chainIds: [chainId('polygon-pos')] }) };
      await expectRefused(CREATE, input, { message: 'Mutation.createIncident needs an API key; send one as "Authorization: Bearer <key>".', code: 'UNAUTHENTICATED' }, principalHeaders());
      await expectRefused(CREATE, input, { message: 'Mutation.createIncident needs a key with the role OPERATOR or above; yours is PARTNER.', code: 'FORBIDDEN' }, principalHeaders(partner('alchemy')));
      await expectRefused(
        CREATE,
        input,
        { message: 'Mutation.createIncident needs a key with the scope incidents:write; ask an operator for a key with it.', code: 'FORBIDDEN' },
        principalHeaders({ role: 'OPERATOR', scopes: ['catalogue:write'] }),
      );
    });

    it('accepts the dedup key of a resolved incident, and refuses to reopen that one while the new one is open', async () => {
      const recurrence = await create({ chainIds: [chainId('arbitrum-one')], dedupKey: 'sequencer-head-stalled:arbitrum-one' });
      await expectRefused(
        REOPEN,
        { id: ARBITRUM_STALL, reason: 'It is happening again.' },
        {
          message:
            `Incident "${ARBITRUM_STALL}" cannot be reopened: "sequencer-head-stalled:arbitrum-one" is already the dedup key of open incident ` +
            `"${recurrence.id}" (Scroll sequencer not producing blocks); post an update to it instead of opening another.`,
          code: 'CONFLICT',
        },
      );
    });

    it('lets exactly one of several concurrent creates with the same dedup key through', async () => {
      const before = await harness.rowCounts();
      const attempts = await Promise.all(
        Array.from({ length: 5 }, () => graphqlRequest(harness.url, CREATE, { input: newIncident({ dedupKey: 'da-outage:scroll' }) }, operator)),
      );
      const created = attempts.filter((attempt) => attempt.errors === undefined);
      const refused = attempts.filter((attempt) => attempt.errors !== undefined);
      expect(created).toHaveLength(1);
      for (const attempt of refused) {
        expect(attempt.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(attempt.errors?.[0].extensions?.fieldErrors).toEqual([{ field: 'input.dedupKey', message: expect.stringContaining('is already the dedup key of') }]);
      }
      const after = await harness.rowCounts();
      expect(after.incident).toBe(before.incident + 1);
      expect(after.incident_update).toBe(before.incident_update + 1);
    });

    it('frees the dedup key when the holder is resolved or archived', async () => {
      const first = await create({ dedupKey: 'sequencer-head-stalled:scroll' });
      await graphqlRequest(harness.url, RESOLVE, { id: first.id, message: 'Recovered.' }, operator);
      const second = await create({ dedupKey: 'sequencer-head-stalled:scroll' });
      await graphqlRequest(harness.url, ARCHIVE, { id: second.id }, operator);
      await create({ dedupKey: 'sequencer-head-stalled:scroll' });
    });
  });

  describe('lifecycle', () => {
    it('moves forward with one timeline entry per change, and refuses to go back', async () => {
      const { id } = await create();
      const identified = await graphqlRequest(harness.url, POST, { id, input: { status: 'IDENTIFIED', message: 'A disk filled up on the sequencer host.', authorName: 'Lin (on-call)' } }, operator);
      expect(identified.data.postIncidentUpdate).toMatchObject({ status: 'IDENTIFIED', identifiedAt: expect.any(String), resolvedAt: null });
      await graphqlRequest(harness.url, POST, { id, input: { status: 'MONITORING', message: 'Space freed; blocks are flowing.', authorName: 'Lin (on-call)' } }, operator);

      await expectRefused(
        POST,
        { id, input: { status: 'IDENTIFIED', message: 'Back to identified?', authorName: 'Lin (on-call)' } },
        badInput('input.status', 'An incident in MONITORING can move to RESOLVED, not IDENTIFIED'),
      );
      await expectRefused(
        POST,
        { id, input: { status: 'INVESTIGATING', message: 'Back to the start?', authorName: 'Lin (on-call)' } },
        badInput('input.status', 'An incident in MONITORING can move to RESOLVED, not INVESTIGATING'),
      );

      const note = await graphqlRequest(harness.url, POST, { id, input: { message: 'Still watching.', authorName: 'Lin (on-call)' } }, operator);
      expect(note.data.postIncidentUpdate.status).toBe('MONITORING');
      const resolved = await graphqlRequest(harness.url, RESOLVE, { id, message: 'No recurrence for an hour.' }, operator);
      expect(resolved.errors).toBeUndefined();
      expect(resolved.data.resolveIncident).toMatchObject({ status: 'RESOLVED', isOpen: false, resolvedAt: expect.any(String) });
      expect(resolved.data.resolveIncident.updates).toEqual([
        { status: 'INVESTIGATING', previousStatus: null, message: 'The Scroll sequencer has produced no block for 5 minutes.', authorName: 'Ada (on-call)' },
        { status: 'IDENTIFIED', previousStatus: 'INVESTIGATING', message: 'A disk filled up on the sequencer host.', authorName: 'Lin (on-call)' },
        { status: 'MONITORING', previousStatus: 'IDENTIFIED', message: 'Space freed; blocks are flowing.', authorName: 'Lin (on-call)' },
        { status: 'MONITORING', previousStatus: 'MONITORING', message: 'Still watching.', authorName: 'Lin (on-call)' },
        { status: 'RESOLVED', previousStatus: 'MONITORING', message: 'No recurrence for an hour.', authorName: 'Lin (on-call)' },
      ]);
    });

    it('names the statuses an incident may move to', async () => {
      const { id } = await create();
      await graphqlRequest(harness.url, POST, { id, input: { status: 'IDENTIFIED', message: 'Found it.', authorName: 'Lin' } }, operator);
      await expectRefused(
        POST,
        { id, input: { status: 'INVESTIGATING', message: 'Not so sure.', authorName: 'Lin' } },
        badInput('input.status', 'An incident in IDENTIFIED can move to MONITORING or RESOLVED, not INVESTIGATING'),
      );
    });

    it('allows skipping stages: INVESTIGATING straight to RESOLVED', async () => {
      const { id } = await create();
      const { data, errors } = await graphqlRequest(harness.url, POST, { id, input: { status: 'RESOLVED', message: 'False alarm.', authorName: 'Lin' } }, operator);
      expect(errors).toBeUndefined();
      expect(data.postIncidentUpdate).toMatchObject({ status: 'RESOLVED', identifiedAt: expect.any(String), resolvedAt: expect.any(String) });
    });

    it('reopens a resolved incident only through reopenIncident, recording why', async () => {
      const { id } = await create();
      await graphqlRequest(harness.url, RESOLVE, { id, message: 'Recovered.' }, operator);
      await expectRefused(
        POST,
        { id, input: { status: 'INVESTIGATING', message: 'It is back.', authorName: 'Lin' } },
        badInput('input.status', 'An incident in RESOLVED can only be reopened, with reopenIncident and a reason, not moved to INVESTIGATING'),
      );
      await expectRefused(RESOLVE, { id, message: 'Again.' }, {
        message: `Incident "${id}" is already RESOLVED; reopen it with reopenIncident before changing its status.`,
        code: 'CONFLICT',
      });

      const reopened = await graphqlRequest(harness.url, REOPEN, { id, reason: 'Blocks stopped again at 14:02 UTC.' }, operator);
      expect(reopened.errors).toBeUndefined();
      expect(reopened.data.reopenIncident).toMatchObject({ status: 'INVESTIGATING', isOpen: true, resolvedAt: null });
      expect(reopened.data.reopenIncident.updates.at(-1)).toEqual({
        status: 'INVESTIGATING',
        previousStatus: 'RESOLVED',
        message: 'Blocks stopped again at 14:02 UTC.',
        authorName: 'Lin (on-call)',
      });
      await expectRefused(REOPEN, { id, reason: 'Twice?' }, { message: `Only a RESOLVED incident can be reopened; incident "${id}" is INVESTIGATING.`, code: 'CONFLICT' });
    });

    it.each([
      ['a blank message', POST, { input: { message: ' ', authorName: 'Lin' } }, 'input.message', 'message must not be blank'],
      ['a missing author', POST, { input: { message: 'Hi', authorName: '' } }, 'input.authorName', 'authorName must not be blank'],
      ['a blank closing message', RESOLVE, { message: '  ' }, 'message', 'message must not be blank'],
      ['a blank reason to reopen', REOPEN, { reason: '\n' }, 'reason', 'reason must not be blank'],
    ])('refuses %s and writes nothing', async (_case, query, variables, field, message) => {
      await expectRefused(query, { id: FINALITY_DELAY, ...variables }, badInput(field, message));
    });

    it('sees its own changes across mutations of one request', async () => {
      const { id } = await create();
      const { data, errors } = await graphqlRequest(
        harness.url,
        `mutation ($id: ID!) {
          first: postIncidentUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Found it.", authorName: "Lin" }) { status updates { status } }
          second: resolveIncident(id: $id, message: "Fixed.", authorName: "Lin") { status updates { status } }
        }`,
        { id },
        operator,
      );
      expect(errors).toBeUndefined();
      expect(data.second).toEqual({ status: 'RESOLVED', updates: [{ status: 'INVESTIGATING' }, { status: 'IDENTIFIED' }, { status: 'RESOLVED' }] });
    });
  });

  describe('acknowledgements', () => {
    it('lets an affected partner acknowledge once', async () => {
      const polygonLabs = principalHeaders(partner('polygon-labs'));
      const { data, errors } = await graphqlRequest(
        harness.url,
        ACKNOWLEDGE,
        { incidentId: RPC_OUTAGE, partnerId: partnerId('polygon-labs'), by: 'Polygon Labs SRE', note: 'Our own RPC is fine.' },
        polygonLabs,
      );
      expect(errors).toBeUndefined();
      const acknowledgements = data.acknowledgeIncident.acknowledgements;
      expect(acknowledgements.map((ack: { partner: { id: string } }) => ack.partner.id)).toEqual([partnerId('alchemy'), partnerId('polygon-labs')]);
      const ours = acknowledgements[1];
      expect(ours).toMatchObject({ acknowledgedBy: 'Polygon Labs SRE', note: 'Our own RPC is fine.' });

      await expectRefused(
        ACKNOWLEDGE,
        { incidentId: RPC_OUTAGE, partnerId: partnerId('polygon-labs'), by: 'Someone else' },
        badInput('partnerId', `has already acknowledged this incident (Polygon Labs SRE, ${ours.createdAt})`),
        polygonLabs,
      );
    });

    it('refuses a partner the incident does not affect', async () => {
      await expectRefused(
        ACKNOWLEDGE,
        { incidentId: RPC_OUTAGE, partnerId: partnerId('offchain-labs'), by: 'Offchain Labs on-call' },
        badInput('partnerId', 'is not among the partners this incident affects; only an affected partner can acknowledge it'),
      );
    });

    it('refuses to acknowledge a resolved incident', async () => {
      await expectRefused(
        ACKNOWLEDGE,
        { incidentId: ARBITRUM_STALL, partnerId: partnerId('offchain-labs'), by: 'Offchain Labs on-call' },
        { message: `Incident "${ARBITRUM_STALL}" is RESOLVED; only open incidents can be acknowledged.`, code: 'CONFLICT' },
      );
    });

    it('refuses a blank name', async () => {
      await expectRefused(
        ACKNOWLEDGE,
        { incidentId: FINALITY_DELAY, partnerId: partnerId('offchain-labs'), by: ' ' },
        badInput('acknowledgedBy', 'acknowledgedBy must not be blank'),
      );
    });
  });

  describe('updateIncident', () => {
    it('changes fields and replaces the affected chains', async () => {
      const { id } = await create();
      const { data, errors } = await graphqlRequest(
        harness.url,
        UPDATE,
        { id, input: { title: 'Scroll and zkSync Era sequencers stalled', severity: 'SEV1', runbookUrl: 'https://runbooks.example.com/sequencer-downtime', chainIds: [chainId('zksync-era'), chainId('scroll')] } },
        operator,
      );
      expect(errors).toBeUndefined();
      expect(data.updateIncident).toEqual({
        id,
        title: 'Scroll and zkSync Era sequencers stalled',
        severity: 'SEV1',
        visibility: 'PUBLIC',
        runbookUrl: 'https://runbooks.example.com/sequencer-downtime',
        chains: [chainId('zksync-era'), chainId('scroll')].sort().map((chain) => ({ id: chain })),
      });
      const zksync = await graphqlRequest(
        harness.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Chain { incidents(open: true) { id } } } }`,
        { r: [{ __typename: 'Chain', id: chainId('zksync-era') }] }, principalHeaders(),
      );
      expect(zksync.data._entities).toEqual([{ incidents: [{ id }] }]);

      const cleared = await graphqlRequest(harness.url, UPDATE, { id, input: { runbookUrl: null, chainIds: [chainId('scroll')] } }, operator);
      expect(cleared.data.updateIncident).toMatchObject({ runbookUrl: null, chains: [{ id: chainId('scroll') }] });
    });

    it('changes who may see a PARTNERS incident by changing its affected partners', async () => {
      const { id } = await create({ visibility: 'PARTNERS', partnerIds: [partnerId('scroll-tech')] });
      const seenBy = async (slug: string) =>
        (await graphqlRequest(harness.url, `query ($id: ID!) { incident(id: $id) { id } }`, { id }, principalHeaders(partner(slug)))).data.incident !== null;
      expect([await seenBy('scroll-tech'), await seenBy('celer-network')]).toEqual([true, false]);
      const { errors } = await graphqlRequest(harness.url, UPDATE, { id, input: { partnerIds: [partnerId('scroll-tech'), partnerId('celer-network')] } }, operator);
      expect(errors).toBeUndefined();
      expect([await seenBy('scroll-tech'), await seenBy('celer-network')]).toEqual([true, true]);
    });

    it('keeps a partner that has acknowledged among the affected partners', async () => {
      await expectRefused(
        UPDATE,
        { id: RPC_OUTAGE, input: { partnerIds: [partnerId('polygon-labs'), partnerId('chainlink-labs')] } },
        badInput('input.partnerIds', `must keep partner "${partnerId('alchemy')}": it has acknowledged this incident`),
      );
    });

    it('hides an incident from the public once it is made INTERNAL', async () => {
      const { id } = await create();
      await graphqlRequest(harness.url, UPDATE, { id, input: { visibility: 'INTERNAL' } }, operator);
      const asPublic = await graphqlRequest(harness.url, `query ($id: ID!) { incident(id: $id) { id } }`, { id }, principalHeaders());
      expect(asPublic.data.incident).toBeNull();
    });

    it.each([
      ['an empty affected set (the incident affects no bridge)', { chainIds: [] }, 'input.chainIds', 'would leave the incident affecting no chain and no bridge; keep at least one'],
      ['a null title', { title: null }, 'input.title', 'cannot be null; leave it out to keep the current value'],
      ['an unknown chain', { chainIds: [UNKNOWN_ID] }, 'input.chainIds', `no chain has id "${UNKNOWN_ID}"`],
      ['an unknown partner', { partnerIds: [UNKNOWN_ID] }, 'input.partnerIds', `no partner has id "${UNKNOWN_ID}"`],
      ['a null affected set', { bridgeIds: null }, 'input.bridgeIds', 'cannot be null; leave it out to keep the current value'],
      ['a blank summary', { summary: '  ' }, 'input.summary', 'summary must not be blank'],
    ])('refuses %s and writes nothing', async (_case, input, field, message) => {
      await expectRefused(UPDATE, { id: ARBITRUM_STALL, input }, badInput(field, message));
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expectRefused(UPDATE, { id: 'not-an-id', input: { title: 'x' } }, { message: 'No active incident with id "not-an-id" exists.', code: 'NOT_FOUND' });
    });
  });

  describe('hidden incidents', () => {
    it('answers NOT_FOUND to a partner acknowledging an incident it may not see, exactly as for one that does not exist', async () => {
      const internal = await create({ visibility: 'INTERNAL', partnerIds: [partnerId('alchemy')] });
      for (const [id, who] of [
        [internal.id, 'alchemy'],
        [RPC_OUTAGE, 'offchain-labs'],
        ['00000000-0000-4000-8000-000000000000', 'alchemy'],
      ] as Array<[string, string]>) {
        await expectRefused(
          ACKNOWLEDGE,
          { incidentId: id, partnerId: partnerId(who), by: 'SRE' },
          { message: `No active incident with id "${id}" exists.`, code: 'NOT_FOUND' },
          principalHeaders(partner(who)),
        );
      }
    });

    it('refuses a partner acknowledging in the name of another partner', async () => {
      await expectRefused(
        ACKNOWLEDGE,
        { incidentId: RPC_OUTAGE, partnerId: partnerId('polygon-labs'), by: 'Eve' },
        { message: 'A partner key acknowledges incidents only for its own partner; pass your partner id.', code: 'FORBIDDEN' },
        principalHeaders(partner('alchemy')),
      );
    });
  });

  describe('archiveIncident', () => {
    it('archives: the incident leaves lists, stays resolvable by id and can no longer change', async () => {
      const { id } = await create({ title: 'Created by mistake' });
      const archived = await graphqlRequest(harness.url, ARCHIVE, { id }, operator);
      expect(archived.data.archiveIncident.archivedAt).toEqual(expect.any(String));

      const list = await graphqlRequest(harness.url, `{ incidents(first: 100) { nodes { id } } }`, {}, principalHeaders());
      expect(list.data.incidents.nodes).not.toContainEqual({ id });
      const withArchived = await graphqlRequest(harness.url, `{ incidents(first: 100, filter: { includeArchived: true }) { nodes { id } } }`, {}, principalHeaders());
      expect(withArchived.data.incidents.nodes).toContainEqual({ id });
      const byId = await graphqlRequest(harness.url, `query ($id: ID!) { incident(id: $id) { title archivedAt } }`, { id }, principalHeaders());
      expect(byId.data.incident).toEqual({ title: 'Created by mistake', archivedAt: archived.data.archiveIncident.archivedAt });

      await expectRefused(POST, { id, input: { message: 'Too late.', authorName: 'Lin' } }, { message: `No active incident with id "${id}" exists.`, code: 'NOT_FOUND' });
      await expectRefused(ARCHIVE, { id }, { message: `No active incident with id "${id}" exists.`, code: 'NOT_FOUND' });
    });
  });
});
