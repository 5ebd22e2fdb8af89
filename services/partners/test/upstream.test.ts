import { graphqlRequest, OPERATOR, principalHeaders } from '@junction/testing';
import { bridgeId, partnerId, startPartners, type PartnersHarness } from './harness';

let harness: PartnersHarness;

beforeAll(async () => {
  harness = await startPartners({ bridges: false });
});

afterAll(async () => {
  await harness.close();
});

const UNAVAILABLE = {
  message: 'The subgraph that owns Bridge is unavailable right now; try again shortly.',
  extensions: { code: 'UPSTREAM_UNAVAILABLE' },
};

describe('partners subgraph: while the bridges subgraph is down', () => {
  it.each([
    [
      'an agreement for a bridge',
      'partner_agreement',
      `mutation ($partnerId: ID!) { createPartnerAgreement(partnerId: $partnerId, input: {
        bridgeId: "${bridgeId('wormhole')}", confirmationsRequired: 15, uptimeSlaPercent: 99.9, maxFinalitySeconds: 300,
        responseMinutes: { sev1: 15, sev2: 60, sev3: 240, sev4: 1440 }, effectiveFrom: "2027-01-01" }) { id } }`,
    ],
    [
      'an ownership of a bridge component',
      'component_ownership',
      `mutation ($partnerId: ID!) { assignComponentOwnership(input: { component: MONITORING, bridgeId: "${bridgeId('wormhole')}", ownerPartnerId: $partnerId }) { id } }`,
    ],
    [
      'a rollout plan on a bridge',
      'rollout_plan',
      `mutation ($partnerId: ID!) { createRolloutPlan(partnerId: $partnerId, input: {
        bridgeId: "${bridgeId('wormhole')}", title: "Wormhole NTT transfers",
        phases: [{ phase: INTERNAL_TESTNET, capacityPercent: 0 }, { phase: PARTNER_STAGING, capacityPercent: 0 }, { phase: CANARY, capacityPercent: 5 }, { phase: FULL, capacityPercent: 100 }],
        rollback: { pauseProcedure: "Guardians pause the token bridge.", communicationPlan: "Status page within 15 minutes." } }) { id } }`,
    ],
  ])('refuses %s with UPSTREAM_UNAVAILABLE and writes nothing', async (_case, table, mutation) => {
    const before = await harness.rowCount(table);
    const { data, errors } = await graphqlRequest(harness.url, mutation, { partnerId: partnerId('wormhole-foundation') }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject(UNAVAILABLE);
    expect(await harness.rowCount(table)).toBe(before);
  });

  it('still serves Bridge.owners from its own data', async () => {
    const { data, errors } = await graphqlRequest(harness.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Bridge { owners { partner { slug } } } } }`, {
      r: [{ __typename: 'Bridge', id: bridgeId('wormhole') }],
    }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([{ owners: [{ partner: { slug: 'wormhole-foundation' } }] }]);
  });
});
