import { seedId } from '@junction/federation';
import { graphqlRequest, OPERATOR, principalHeaders } from '@junction/testing';
import { bridgeId, chainId, partnerHeaders, partnerId, startPartners, type PartnersHarness } from './harness';

let harness: PartnersHarness;
let url: string;
const operator = () => principalHeaders(OPERATOR);

beforeAll(async () => {
  harness = await startPartners();
  url = harness.url;
});

afterAll(async () => {
  await harness.close();
});

const PRIVATE = `query ($slug: String!) { partner(slug: $slug) { name contacts { name email onCall escalationOrder } agreements { status } } }`;

describe('partners subgraph: private contacts and agreements', () => {
  it('gives the public null and FORBIDDEN for contacts and agreements, and keeps the rest of the answer', async () => {
    const { data, errors } = await graphqlRequest(url, PRIVATE, { slug: 'offchain-labs' }, principalHeaders());
    expect(data).toEqual({ partner: { name: 'Offchain Labs', contacts: null, agreements: null } });
    expect(errors).toEqual([
      {
        message: "Only operators and the partner itself may see a partner's contacts; use that partner's key or an operator key.",
        locations: expect.any(Array),
        path: ['partner', 'contacts'],
        extensions: { code: 'FORBIDDEN' },
      },
      {
        message: "Only operators and the partner itself may see a partner's agreements; use that partner's key or an operator key.",
        locations: expect.any(Array),
        path: ['partner', 'agreements'],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('offchainlabs.example');
  });

  it("shows a partner its own contacts, on-call first in escalation order, but not another partner's", async () => {
    const own = await graphqlRequest(url, PRIVATE, { slug: 'offchain-labs' }, partnerHeaders('offchain-labs'));
    expect(own.errors).toBeUndefined();
    expect(own.data.partner.contacts).toEqual([
      { name: 'Offchain Labs on-call', email: 'oncall@offchainlabs.example', onCall: true, escalationOrder: 1 },
      { name: 'Dana Whitfield', email: 'dana.whitfield@offchainlabs.example', onCall: true, escalationOrder: 2 },
      { name: 'Marcus Oyelaran', email: 'partnerships@offchainlabs.example', onCall: false, escalationOrder: null },
    ]);
    const other = await graphqlRequest(url, PRIVATE, { slug: 'op-labs' }, partnerHeaders('offchain-labs'));
    expect(other.data).toEqual({ partner: { name: 'OP Labs', contacts: null, agreements: null } });
    expect(other.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['partner', 'contacts'], 'FORBIDDEN'],
      [['partner', 'agreements'], 'FORBIDDEN'],
    ]);
  });

  it("shows an operator every partner's agreements, with EXPIRED derived from effectiveUntil", async () => {
    const { data, errors } = await graphqlRequest(
      url,
      `{ partner(slug: "offchain-labs") { agreements { status chain { id } bridge { id } confirmationsRequired uptimeSlaPercent maxFinalitySeconds responseMinutes { sev1 sev2 sev3 sev4 } effectiveFrom effectiveUntil partner { slug } } } }`,
      {},
      operator(),
    );
    expect(errors).toBeUndefined();
    expect(data.partner.agreements).toEqual([
      {
        status: 'ACTIVE', chain: { id: chainId('arbitrum-one') }, bridge: null, confirmationsRequired: 64, uptimeSlaPercent: 99.9,
        maxFinalitySeconds: 604800, responseMinutes: { sev1: 15, sev2: 60, sev3: 240, sev4: 1440 },
        effectiveFrom: '2025-07-01', effectiveUntil: '2027-07-01', partner: { slug: 'offchain-labs' },
      },
      {
        status: 'EXPIRED', chain: { id: chainId('arbitrum-one') }, bridge: null, confirmationsRequired: 64, uptimeSlaPercent: 99.5,
        maxFinalitySeconds: 604800, responseMinutes: { sev1: 30, sev2: 120, sev3: 480, sev4: 2880 },
        effectiveFrom: '2024-07-01', effectiveUntil: '2025-07-01', partner: { slug: 'offchain-labs' },
      },
    ]);
  });

  it('applies the same rule to PartnerContact and PartnerAgreement entity references', async () => {
    const contactId = seedId('partner-contact', 'offchain-labs#oncall@offchainlabs.example');
    const agreementId = seedId('partner-agreement', 'layerzero-labs/layerzero/2026');
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerContact { email } ... on PartnerAgreement { status bridge { id } } } }`;
    const r = [{ __typename: 'PartnerContact', id: contactId }, { __typename: 'PartnerAgreement', id: agreementId }];
    const hidden = await graphqlRequest(url, query, { r }, partnerHeaders('layerzero-labs'));
    expect(hidden.data._entities).toEqual([null, { status: 'ACTIVE', bridge: { id: bridgeId('layerzero') } }]);
    expect(hidden.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['_entities', 0], 'FORBIDDEN']]);
    const shown = await graphqlRequest(url, query, { r }, operator());
    expect(shown.errors).toBeUndefined();
    expect(shown.data._entities[0]).toEqual({ email: 'oncall@offchainlabs.example' });
  });
});

const ADD_CONTACT = `mutation ($partnerId: ID!, $input: AddPartnerContactInput!) { addPartnerContact(partnerId: $partnerId, input: $input) { id name email title phone chatHandle onCall escalationOrder partner { slug } } }`;

const contact = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rafael Duarte',
  email: 'rafael.duarte@oplabs.example',
  title: 'Incident Commander',
  phone: '+14155550113',
  chatHandle: '@rafael.d',
  onCall: true,
  escalationOrder: 3,
  ...overrides,
});

describe('partners subgraph: managing contacts', () => {
  it('lets a partner add its own contact', async () => {
    const { data, errors } = await graphqlRequest(url, ADD_CONTACT, { partnerId: partnerId('op-labs'), input: contact() }, partnerHeaders('op-labs'));
    expect(errors).toBeUndefined();
    expect(data.addPartnerContact).toEqual({ id: expect.any(String), ...contact(), partner: { slug: 'op-labs' } });
  });

  it.each([
    ['the public', principalHeaders(), 'Mutation.addPartnerContact needs an API key; send one as "Authorization: Bearer <key>".', 'UNAUTHENTICATED'],
    ['another partner', partnerHeaders('base-team'), "Only operators and the partner itself may manage a partner's contacts; use that partner's key or an operator key.", 'FORBIDDEN'],
  ])('refuses %s and writes nothing', async (_who, headers, message, code) => {
    const before = await harness.rowCount('partner_contact');
    const { data, errors } = await graphqlRequest(url, ADD_CONTACT, { partnerId: partnerId('op-labs'), input: contact({ email: 'x@oplabs.example', escalationOrder: 9 }) }, headers);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message, extensions: { code } });
    expect(await harness.rowCount('partner_contact')).toBe(before);
  });

  it.each([
    ['a malformed email', { email: 'oncall-at-oplabs' }, 'input.email', 'email must be an email address, e.g. oncall@partner.example'],
    ['a phone number not in E.164', { email: 'p@oplabs.example', phone: '(415) 555-0100' }, 'input.phone', 'phone must be in E.164 format: + and 7 to 15 digits, e.g. +14155550123'],
    ['an escalation order below 1', { email: 'e@oplabs.example', escalationOrder: 0 }, 'input.escalationOrder', 'escalationOrder must be 1 or more (1 is paged first)'],
    ['an on-call contact without escalation order', { email: 'n@oplabs.example', escalationOrder: null }, 'input.escalationOrder', 'is required for an on-call contact: 1 is paged first, then 2 …'],
    ['an escalation order another on-call contact has', { email: 'd@oplabs.example', escalationOrder: 1 }, 'input.escalationOrder', '1 is already the escalation order of OP Labs on-call; each on-call contact of a partner needs its own'],
    ['an email another contact has (any case)', { email: 'OnCall@OPLabs.example', escalationOrder: 7 }, 'input.email', '"OnCall@OPLabs.example" is already the email of OP Labs on-call, another contact of this partner'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = await harness.rowCount('partner_contact');
    const { data, errors } = await graphqlRequest(url, ADD_CONTACT, { partnerId: partnerId('op-labs'), input: contact(overrides) }, operator());
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect(await harness.rowCount('partner_contact')).toBe(before);
  });

  it('allows an off-call contact without escalation order, and the same order as an on-call one', async () => {
    const { errors } = await graphqlRequest(url, ADD_CONTACT, { partnerId: partnerId('op-labs'), input: contact({ email: 'legal@oplabs.example', onCall: false, escalationOrder: 1 }) }, operator());
    expect(errors).toBeUndefined();
  });

  it('answers NOT_FOUND for a contact of an unknown partner', async () => {
    const { errors } = await graphqlRequest(url, ADD_CONTACT, { partnerId: '00000000-0000-4000-8000-000000000001', input: contact() }, operator());
    expect(errors?.[0]).toMatchObject({ message: 'No active partner with id "00000000-0000-4000-8000-000000000001" exists.', extensions: { code: 'NOT_FOUND' } });
  });

  it('updates a contact and checks the result as a whole', async () => {
    const id = seedId('partner-contact', 'op-labs#priya.raman@oplabs.example');
    const UPDATE = `mutation ($id: ID!, $input: UpdatePartnerContactInput!) { updatePartnerContact(id: $id, input: $input) { title phone onCall escalationOrder } }`;
    const clash = await graphqlRequest(url, UPDATE, { id, input: { escalationOrder: 1 } }, partnerHeaders('op-labs'));
    expect(clash.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.escalationOrder', message: '1 is already the escalation order of OP Labs on-call; each on-call contact of a partner needs its own' }],
    });
    const nulled = await graphqlRequest(url, UPDATE, { id, input: { email: null } }, partnerHeaders('op-labs'));
    expect(nulled.errors?.[0].extensions?.fieldErrors).toEqual([{ field: 'input.email', message: 'cannot be null; omit it to keep the current value' }]);
    const foreign = await graphqlRequest(url, UPDATE, { id, input: { title: 'x' } }, partnerHeaders('base-team'));
    expect(foreign.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const updated = await graphqlRequest(url, UPDATE, { id, input: { title: 'Director of Protocol Engineering', phone: null, onCall: false } }, partnerHeaders('op-labs'));
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePartnerContact).toEqual({ title: 'Director of Protocol Engineering', phone: null, onCall: false, escalationOrder: 2 });
  });

  it('removes a contact and its personal data', async () => {
    const added = await graphqlRequest(url, ADD_CONTACT, { partnerId: partnerId('alchemy'), input: contact({ email: 'temp@alchemy.example', escalationOrder: 5 }) }, operator());
    const id = added.data.addPartnerContact.id;
    const refused = await graphqlRequest(url, `mutation ($id: ID!) { removePartnerContact(id: $id) { id } }`, { id }, partnerHeaders('op-labs'));
    expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const removed = await graphqlRequest(url, `mutation ($id: ID!) { removePartnerContact(id: $id) { email } }`, { id }, partnerHeaders('alchemy'));
    expect(removed.data.removePartnerContact).toEqual({ email: 'temp@alchemy.example' });
    const again = await graphqlRequest(url, `mutation ($id: ID!) { removePartnerContact(id: $id) { email } }`, { id }, operator());
    expect(again.errors?.[0]).toMatchObject({ message: `No partner contact with id "${id}" exists.`, extensions: { code: 'NOT_FOUND' } });
  });
});

const CREATE_AGREEMENT = `mutation ($partnerId: ID!, $input: CreatePartnerAgreementInput!) { createPartnerAgreement(partnerId: $partnerId, input: $input) { id status chain { id } bridge { id } uptimeSlaPercent responseMinutes { sev1 sev2 sev3 sev4 } effectiveFrom effectiveUntil } }`;

const agreement = (overrides: Record<string, unknown> = {}) => ({
  chainId: chainId('zksync-era'),
  confirmationsRequired: 0,
  uptimeSlaPercent: 99.9,
  maxFinalitySeconds: 1200,
  responseMinutes: { sev1: 15, sev2: 60, sev3: 240, sev4: 1440 },
  effectiveFrom: '2027-01-01',
  effectiveUntil: '2028-01-01',
  ...overrides,
});

describe('partners subgraph: managing agreements', () => {
  it('records a draft agreement for a chain the chains subgraph knows', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE_AGREEMENT, { partnerId: partnerId('matter-labs'), input: agreement() }, operator());
    expect(errors).toBeUndefined();
    expect(data.createPartnerAgreement).toEqual({
      id: expect.any(String),
      status: 'DRAFT',
      chain: { id: chainId('zksync-era') },
      bridge: null,
      uptimeSlaPercent: 99.9,
      responseMinutes: { sev1: 15, sev2: 60, sev3: 240, sev4: 1440 },
      effectiveFrom: '2027-01-01',
      effectiveUntil: '2028-01-01',
    });
  });

  it.each([
    ['both a chain and a bridge', { bridgeId: bridgeId('zksync-era-bridge') }, 'input.bridgeId', 'must be omitted when chainId is given: an agreement covers exactly one chain or one bridge'],
    ['neither a chain nor a bridge', { chainId: null }, 'input.chainId', 'is required unless bridgeId is given: an agreement covers exactly one chain or one bridge'],
    ['a chain the chains subgraph does not know', { chainId: '00000000-0000-4000-8000-00000000c0de' }, 'input.chainId', 'no chain has id "00000000-0000-4000-8000-00000000c0de"'],
    ['a bridge the bridges subgraph does not know', { chainId: null, bridgeId: '00000000-0000-4000-8000-0000000b0d9e' }, 'input.bridgeId', 'no bridge has id "00000000-0000-4000-8000-0000000b0d9e"'],
    ['a SEV2 response faster than SEV1', { responseMinutes: { sev1: 60, sev2: 15, sev3: 240, sev4: 1440 } }, 'input.responseMinutes.sev2', 'must be at least sev1 (60 minutes): a less severe incident cannot require a faster response'],
    ['a response time of zero', { responseMinutes: { sev1: 0, sev2: 60, sev3: 240, sev4: 1440 } }, 'input.responseMinutes.sev1', 'sev1 must be 1 to 43200 minutes (30 days)'],
    ['an end before the start', { effectiveUntil: '2026-12-31' }, 'input.effectiveUntil', 'must be after effectiveFrom (2027-01-01)'],
    ['an end equal to the start', { effectiveUntil: '2027-01-01' }, 'input.effectiveUntil', 'must be after effectiveFrom (2027-01-01)'],
    ['an uptime of 0', { uptimeSlaPercent: 0 }, 'input.uptimeSlaPercent', 'uptimeSlaPercent must be greater than 0 and at most 100, e.g. 99.9'],
    ['an uptime above 100', { uptimeSlaPercent: 100.5 }, 'input.uptimeSlaPercent', 'uptimeSlaPercent must be greater than 0 and at most 100, e.g. 99.9'],
    ['an uptime with 4 decimals', { uptimeSlaPercent: 99.9999 }, 'input.uptimeSlaPercent', 'uptimeSlaPercent must have at most 3 decimal places, e.g. 99.995'],
    ['negative confirmations', { confirmationsRequired: -1 }, 'input.confirmationsRequired', 'confirmationsRequired must be 0 to 10000'],
    ['a new agreement that is already TERMINATED', { status: 'TERMINATED' }, 'input.status', 'must be DRAFT or ACTIVE for a new agreement: EXPIRED follows from effectiveUntil, TERMINATED from terminatePartnerAgreement'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = await harness.rowCount('partner_agreement');
    const { data, errors } = await graphqlRequest(url, CREATE_AGREEMENT, { partnerId: partnerId('matter-labs'), input: agreement(overrides) }, operator());
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect(await harness.rowCount('partner_agreement')).toBe(before);
  });

  it('rejects a malformed date before any resolver runs', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE_AGREEMENT, { partnerId: partnerId('matter-labs'), input: agreement({ effectiveFrom: '2027-02-30' }) }, operator());
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('Value is not a valid LocalDate: 2027-02-30');
  });

  it('records an agreement for a bridge the bridges subgraph knows', async () => {
    const { data, errors } = await graphqlRequest(
      url,
      CREATE_AGREEMENT,
      { partnerId: partnerId('celer-network'), input: agreement({ chainId: null, bridgeId: bridgeId('celer-cbridge'), maxFinalitySeconds: 180, status: 'ACTIVE' }) },
      partnerHeaders('celer-network'),
    );
    expect(errors).toBeUndefined();
    expect(data.createPartnerAgreement).toMatchObject({ status: 'ACTIVE', chain: null, bridge: { id: bridgeId('celer-cbridge') } });
  });

  it('refuses to record an agreement for another partner', async () => {
    const before = await harness.rowCount('partner_agreement');
    const { errors } = await graphqlRequest(url, CREATE_AGREEMENT, { partnerId: partnerId('matter-labs'), input: agreement() }, partnerHeaders('scroll-tech'));
    expect(errors?.[0]).toMatchObject({
      message: "Only operators and the partner itself may manage a partner's agreements; use that partner's key or an operator key.",
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await harness.rowCount('partner_agreement')).toBe(before);
  });

  it('activates a draft, refuses to take it back to DRAFT, terminates it, and then refuses every change', async () => {
    const id = seedId('partner-agreement', 'scroll-tech/scroll/2027');
    const UPDATE = `mutation ($id: ID!, $input: UpdatePartnerAgreementInput!) { updatePartnerAgreement(id: $id, input: $input) { status uptimeSlaPercent effectiveUntil } }`;
    const activated = await graphqlRequest(url, UPDATE, { id, input: { status: 'ACTIVE', uptimeSlaPercent: 99.95 } }, partnerHeaders('scroll-tech'));
    expect(activated.errors).toBeUndefined();
    expect(activated.data.updatePartnerAgreement).toEqual({ status: 'ACTIVE', uptimeSlaPercent: 99.95, effectiveUntil: null });

    const backToDraft = await graphqlRequest(url, UPDATE, { id, input: { status: 'DRAFT' } }, partnerHeaders('scroll-tech'));
    expect(backToDraft.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.status', message: 'cannot go back to DRAFT once the agreement is ACTIVE; terminate it and create a new one' }],
    });
    const badPeriod = await graphqlRequest(url, UPDATE, { id, input: { effectiveUntil: '2026-06-01' } }, partnerHeaders('scroll-tech'));
    expect(badPeriod.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.effectiveUntil', message: 'must be after effectiveFrom (2027-01-01)' }],
    });

    const TERMINATE = `mutation ($id: ID!) { terminatePartnerAgreement(id: $id, input: { reason: "Replaced by the 2027 multi-chain agreement." }) { status terminatedAt terminationReason } }`;
    const terminated = await graphqlRequest(url, TERMINATE, { id }, operator());
    expect(terminated.data.terminatePartnerAgreement).toEqual({
      status: 'TERMINATED',
      terminatedAt: expect.any(String),
      terminationReason: 'Replaced by the 2027 multi-chain agreement.',
    });
    const day = terminated.data.terminatePartnerAgreement.terminatedAt.slice(0, 10);
    const change = await graphqlRequest(url, UPDATE, { id, input: { uptimeSlaPercent: 99 } }, operator());
    expect(change.errors?.[0]).toMatchObject({
      message: `Partner agreement "${id}" was terminated on ${day} and can no longer change; create a new agreement instead.`,
      extensions: { code: 'CONFLICT' },
    });
    const stored = await graphqlRequest(url, `{ partner(slug: "scroll-tech") { agreements { uptimeSlaPercent status } } }`, {}, operator());
    expect(stored.data.partner.agreements).toEqual([{ uptimeSlaPercent: 99.95, status: 'TERMINATED' }]);
  });
});
