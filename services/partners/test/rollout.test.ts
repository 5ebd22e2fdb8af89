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

const BASE_PLAN = seedId('rollout-plan', 'base-bridge-withdrawals');

const PLAN = `query ($id: ID!) { rolloutPlan(id: $id) { title currentPhase currentCapacityPercent completedAt partner { slug } chain { id } bridge { id }
  phases { phase capacityPercent gates } history { sequence kind fromPhase toPhase confirmedGates note } } }`;

const CREATE = `mutation ($partnerId: ID!, $input: CreateRolloutPlanInput!) { createRolloutPlan(partnerId: $partnerId, input: $input) {
  id currentPhase currentCapacityPercent startedAt completedAt chain { id } bridge { id } history { kind toPhase }
  rollback { multisig { address threshold signers { name address } } pausableContracts { address } } } }`;

const ADVANCE = `mutation ($id: ID!, $input: AdvanceRolloutPlanInput!) { advanceRolloutPlan(id: $id, input: $input) { currentPhase currentCapacityPercent completedAt history { kind fromPhase toPhase note } } }`;
const ROLL_BACK = `mutation ($id: ID!, $reason: String!) { rollBackRolloutPlan(id: $id, input: { reason: $reason }) { currentPhase completedAt history { kind fromPhase toPhase note } } }`;

const GATES = {
  INTERNAL_TESTNET: ['Devnet suite green for 3 days'],
  PARTNER_STAGING: ['Partner sign-off on staging', 'Alert thresholds agreed'],
  CANARY: ['No SEV1/SEV2 during 7 days of canary'],
};

const plan = (overrides: Record<string, unknown> = {}) => ({
  chainId: chainId('linea'),
  title: 'Linea deposits in the ecosystem bridge UI',
  phases: [
    { phase: 'INTERNAL_TESTNET', capacityPercent: 0, gates: GATES.INTERNAL_TESTNET },
    { phase: 'PARTNER_STAGING', capacityPercent: 0, gates: GATES.PARTNER_STAGING },
    { phase: 'CANARY', capacityPercent: 10, gates: GATES.CANARY },
    { phase: 'FULL', capacityPercent: 100 },
  ],
  rollback: {
    pauseProcedure: 'Linea security council pauses the token bridge; the ecosystem team disables the route.',
    pausableContracts: [{ label: 'TokenBridge (proxy)', address: '0x051f1d88f0af5763fb888ec4378b4d8b29ea3319' }],
    multisig: {
      address: '0x892bb7eed71efb060ab90140e7825d8127991dd3',
      threshold: 2,
      signers: [
        { name: 'Linea security lead', address: '0x1000000000000000000000000000000000000001' },
        { name: 'Ecosystem incident commander', address: '0x1000000000000000000000000000000000000002' },
      ],
    },
    stateRecoveryScripts: ['ops/rollback/linea/01-disable-route.ts'],
    communicationPlan: 'Status page within 15 minutes; hourly updates in the partner channel.',
  },
  ...overrides,
});

async function createPlan(): Promise<string> {
  const { data, errors } = await graphqlRequest(url, CREATE, { partnerId: partnerId('consensys'), input: plan() }, operator());
  expect(errors).toBeUndefined();
  return data.createRolloutPlan.id;
}

describe('partners subgraph: seeded rollout plans', () => {
  it('shows a plan and its history to everyone', async () => {
    const { data, errors } = await graphqlRequest(url, PLAN, { id: BASE_PLAN }, principalHeaders());
    expect(errors).toBeUndefined();
    expect(data.rolloutPlan).toMatchObject({
      title: 'Base Bridge withdrawals in the ecosystem bridge UI',
      currentPhase: 'CANARY',
      currentCapacityPercent: 5,
      completedAt: null,
      partner: { slug: 'base-team' },
      chain: null,
      bridge: { id: bridgeId('base-bridge') },
    });
    expect(data.rolloutPlan.phases.map((step: { phase: string; capacityPercent: number }) => [step.phase, step.capacityPercent])).toEqual([
      ['INTERNAL_TESTNET', 0],
      ['PARTNER_STAGING', 0],
      ['CANARY', 5],
      ['FULL', 100],
    ]);
    expect(data.rolloutPlan.history.map((step: { kind: string; toPhase: string }) => `${step.kind}:${step.toPhase}`)).toEqual([
      'START:INTERNAL_TESTNET',
      'ADVANCE:PARTNER_STAGING',
      'ADVANCE:CANARY',
    ]);
  });

  it('lists plans on the partner, at different phases', async () => {
    const { data } = await graphqlRequest(url, `{ base: partner(slug: "base-team") { rolloutPlans { currentPhase } } scroll: partner(slug: "scroll-tech") { rolloutPlans { currentPhase chain { id } } } }`, {}, principalHeaders());
    expect(data).toEqual({
      base: { rolloutPlans: [{ currentPhase: 'CANARY' }] },
      scroll: { rolloutPlans: [{ currentPhase: 'PARTNER_STAGING', chain: { id: chainId('scroll') } }] },
    });
  });

  it('keeps the rollback procedure private to the partner and to operators', async () => {
    const query = `query ($id: ID!) { rolloutPlan(id: $id) { title rollback { pauseProcedure multisig { threshold signers { name address } } stateRecoveryScripts communicationPlan } } }`;
    const asPublic = await graphqlRequest(url, query, { id: BASE_PLAN }, principalHeaders());
    expect(asPublic.data.rolloutPlan).toEqual({ title: 'Base Bridge withdrawals in the ecosystem bridge UI', rollback: null });
    expect(asPublic.errors).toEqual([
      {
        message: "Only operators and the partner itself may see a rollout plan's rollback procedure; use that partner's key or an operator key.",
        locations: expect.any(Array),
        path: ['rolloutPlan', 'rollback'],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
    const asOtherPartner = await graphqlRequest(url, query, { id: BASE_PLAN }, partnerHeaders('scroll-tech'));
    expect(asOtherPartner.data.rolloutPlan.rollback).toBeNull();
    expect(asOtherPartner.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    for (const headers of [partnerHeaders('base-team'), operator()]) {
      const shown = await graphqlRequest(url, query, { id: BASE_PLAN }, headers);
      expect(shown.errors).toBeUndefined();
      expect(shown.data.rolloutPlan.rollback.multisig).toEqual({
        threshold: 2,
        signers: [
          { name: 'Base bridge security lead', address: '0x5A5e000000000000000000000000000000000a01' },
          { name: 'Base infrastructure on-call', address: '0x5a5E000000000000000000000000000000000A02' },
          { name: 'Ecosystem team incident commander', address: '0x5A5e000000000000000000000000000000000A03' },
        ],
      });
      expect(shown.data.rolloutPlan.rollback.stateRecoveryScripts).toHaveLength(3);
    }
  });
});

describe('partners subgraph: moving through phases', () => {
  it('starts a plan in INTERNAL_TESTNET with checksummed rollback addresses', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE, { partnerId: partnerId('consensys'), input: plan() }, partnerHeaders('consensys'));
    expect(errors).toBeUndefined();
    expect(data.createRolloutPlan).toMatchObject({
      currentPhase: 'INTERNAL_TESTNET',
      currentCapacityPercent: 0,
      startedAt: expect.any(String),
      completedAt: null,
      chain: { id: chainId('linea') },
      history: [{ kind: 'START', toPhase: 'INTERNAL_TESTNET' }],
      rollback: {
        multisig: {
          address: '0x892bb7EeD71efB060ab90140e7825d8127991DD3',
          threshold: 2,
          signers: [
            { name: 'Linea security lead', address: '0x1000000000000000000000000000000000000001' },
            { name: 'Ecosystem incident commander', address: '0x1000000000000000000000000000000000000002' },
          ],
        },
        pausableContracts: [{ address: '0x051F1D88f0aF5763fB888eC4378b4D8B29ea3319' }],
      },
    });
  });

  it('starts a plan on a bridge the bridges subgraph knows', async () => {
    const { data, errors } = await graphqlRequest(url, CREATE, { partnerId: partnerId('consensys'), input: plan({ chainId: null, bridgeId: bridgeId('linea-bridge') }) }, operator());
    expect(errors).toBeUndefined();
    expect(data.createRolloutPlan).toMatchObject({ currentPhase: 'INTERNAL_TESTNET', chain: null, bridge: { id: bridgeId('linea-bridge') } });
  });

  it.each([
    ['a jump over a phase', { to: 'CANARY' }, 'input.to', 'cannot jump from INTERNAL_TESTNET to CANARY: advance to PARTNER_STAGING first (phases go INTERNAL_TESTNET → PARTNER_STAGING → CANARY → FULL)'],
    ['a jump to FULL', { to: 'FULL' }, 'input.to', 'cannot jump from INTERNAL_TESTNET to FULL: advance to PARTNER_STAGING first (phases go INTERNAL_TESTNET → PARTNER_STAGING → CANARY → FULL)'],
    ['the phase it is in', { to: 'INTERNAL_TESTNET' }, 'input.to', 'the plan is already in INTERNAL_TESTNET; the next phase is PARTNER_STAGING'],
    ['gates not confirmed', { to: 'PARTNER_STAGING' }, 'input.confirmedGates', 'must confirm every gate of INTERNAL_TESTNET before advancing; not confirmed: "Devnet suite green for 3 days"'],
    ['a gate the phase does not have', { to: 'PARTNER_STAGING', confirmedGates: [...GATES.INTERNAL_TESTNET, 'Looks fine'] }, 'input.confirmedGates', 'lists gates that INTERNAL_TESTNET does not have: "Looks fine"'],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_case, input, field, message) => {
    const id = await createPlan();
    const { data, errors } = await graphqlRequest(url, ADVANCE, { id, input }, principalHeaders(OPERATOR));
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    const after = await graphqlRequest(url, PLAN, { id }, principalHeaders());
    expect(after.data.rolloutPlan.currentPhase).toBe('INTERNAL_TESTNET');
    expect(after.data.rolloutPlan.history).toHaveLength(1);
  });

  it('advances one phase at a time to FULL, rolls back with a reason, and refuses to go backwards by advancing', async () => {
    const id = await createPlan();
    const staging = await graphqlRequest(url, ADVANCE, { id, input: { to: 'PARTNER_STAGING', confirmedGates: GATES.INTERNAL_TESTNET } }, principalHeaders(OPERATOR));
    expect(staging.errors).toBeUndefined();
    expect(staging.data.advanceRolloutPlan).toMatchObject({ currentPhase: 'PARTNER_STAGING', currentCapacityPercent: 0 });

    const backwards = await graphqlRequest(url, ADVANCE, { id, input: { to: 'INTERNAL_TESTNET' } }, principalHeaders(OPERATOR));
    expect(backwards.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'input.to', message: 'INTERNAL_TESTNET comes before PARTNER_STAGING; use rollBackRolloutPlan to go back one phase' },
    ]);

    const canary = await graphqlRequest(url, ADVANCE, { id, input: { to: 'CANARY', confirmedGates: GATES.PARTNER_STAGING, note: 'Canary at 10%.' } }, principalHeaders(OPERATOR));
    expect(canary.data.advanceRolloutPlan).toMatchObject({ currentPhase: 'CANARY', currentCapacityPercent: 10, completedAt: null });

    const full = await graphqlRequest(url, ADVANCE, { id, input: { to: 'FULL', confirmedGates: GATES.CANARY } }, principalHeaders(OPERATOR));
    expect(full.data.advanceRolloutPlan).toMatchObject({ currentPhase: 'FULL', currentCapacityPercent: 100, completedAt: expect.any(String) });

    const beyond = await graphqlRequest(url, ADVANCE, { id, input: { to: 'FULL' } }, principalHeaders(OPERATOR));
    expect(beyond.errors?.[0].extensions?.fieldErrors).toEqual([{ field: 'input.to', message: 'cannot advance: the plan is already at FULL, the last phase' }]);

    const reason = 'Withdrawal finalization lagged 40 minutes behind target at full load.';
    const rolledBack = await graphqlRequest(url, ROLL_BACK, { id, reason }, principalHeaders(OPERATOR));
    expect(rolledBack.errors).toBeUndefined();
    expect(rolledBack.data.rollBackRolloutPlan.currentPhase).toBe('CANARY');
    expect(rolledBack.data.rollBackRolloutPlan.completedAt).toBeNull();
    expect(rolledBack.data.rollBackRolloutPlan.history).toEqual([
      { kind: 'START', fromPhase: null, toPhase: 'INTERNAL_TESTNET', note: null },
      { kind: 'ADVANCE', fromPhase: 'INTERNAL_TESTNET', toPhase: 'PARTNER_STAGING', note: null },
      { kind: 'ADVANCE', fromPhase: 'PARTNER_STAGING', toPhase: 'CANARY', note: 'Canary at 10%.' },
      { kind: 'ADVANCE', fromPhase: 'CANARY', toPhase: 'FULL', note: null },
      { kind: 'ROLLBACK', fromPhase: 'FULL', toPhase: 'CANARY', note: reason },
    ]);
  });

  it('refuses to roll back from the first phase, and a rollback without a reason', async () => {
    const id = await createPlan();
    const first = await graphqlRequest(url, ROLL_BACK, { id, reason: 'Testing' }, principalHeaders(OPERATOR));
    expect(first.errors?.[0]).toMatchObject({
      message: 'Rollout plan "Linea deposits in the ecosystem bridge UI" is in INTERNAL_TESTNET, its first phase: there is no earlier phase to roll back to.',
      extensions: { code: 'CONFLICT' },
    });
    const empty = await graphqlRequest(url, ROLL_BACK, { id: BASE_PLAN, reason: '' }, principalHeaders(OPERATOR));
    expect(empty.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.reason', message: 'reason must be 1 to 1000 characters' }] });
    const base = await graphqlRequest(url, PLAN, { id: BASE_PLAN }, principalHeaders());
    expect(base.data.rolloutPlan.currentPhase).toBe('CANARY');
  });

  it('answers NOT_FOUND for an unknown plan and null on lookup', async () => {
    const advance = await graphqlRequest(url, ADVANCE, { id: 'nope', input: { to: 'CANARY' } }, principalHeaders(OPERATOR));
    expect(advance.errors?.[0]).toMatchObject({ message: 'No rollout plan with id "nope" exists.', extensions: { code: 'NOT_FOUND' } });
    const lookup = await graphqlRequest(url, PLAN, { id: '00000000-0000-4000-8000-000000000000' }, principalHeaders());
    expect(lookup.data.rolloutPlan).toBeNull();
  });
});

describe('partners subgraph: validating new plans', () => {
  const phases = plan().phases;
  it.each([
    ['phases out of order', { phases: [phases[1], phases[0], phases[2], phases[3]] }, 'input.phases', 'must list INTERNAL_TESTNET, PARTNER_STAGING, CANARY and FULL once each, in that order (got PARTNER_STAGING, INTERNAL_TESTNET, CANARY, FULL)'],
    ['a missing phase', { phases: [phases[0], phases[2], phases[3]] }, 'input.phases', 'must list INTERNAL_TESTNET, PARTNER_STAGING, CANARY and FULL once each, in that order (got INTERNAL_TESTNET, CANARY, FULL)'],
    ['capacity that shrinks', { phases: [phases[0], { ...phases[1], capacityPercent: 20 }, phases[2], phases[3]] }, 'input.phases.2.capacityPercent', 'must be at least 20 (the PARTNER_STAGING capacity): capacity only grows along the rollout'],
    ['FULL below 100%', { phases: [phases[0], phases[1], phases[2], { ...phases[3], capacityPercent: 90 }] }, 'input.phases.3.capacityPercent', 'must be 100: FULL is the complete ramp-up'],
    ['a capacity above 100%', { phases: [phases[0], phases[1], { ...phases[2], capacityPercent: 120 }, phases[3]] }, 'input.phases.2.capacityPercent', 'capacityPercent must be 0 to 100'],
    ['a gate listed twice', { phases: [{ ...phases[0], gates: ['A', 'A'] }, phases[1], phases[2], phases[3]] }, 'input.phases.0.gates', 'lists "A" twice'],
    ['neither a chain nor a bridge', { chainId: null }, 'input.chainId', 'is required unless bridgeId is given: a rollout plan targets exactly one chain or one bridge'],
    ['an unknown chain', { chainId: '00000000-0000-4000-8000-00000000c0de' }, 'input.chainId', 'no chain has id "00000000-0000-4000-8000-00000000c0de"'],
    ['an unknown bridge', { chainId: null, bridgeId: '00000000-0000-4000-8000-0000000b0d9e' }, 'input.bridgeId', 'no bridge has id "00000000-0000-4000-8000-0000000b0d9e"'],
    ['both a chain and a bridge', { bridgeId: bridgeId('linea-bridge') }, 'input.bridgeId', 'must be omitted when chainId is given: a rollout plan targets exactly one chain or one bridge'],
    ['a signer address with a bad checksum', { rollback: { ...plan().rollback, multisig: { ...plan().rollback.multisig, signers: [{ name: 'X', address: '0x892bb7eed71efb060ab90140e7825d8127991Dd3' }] , threshold: 1 } } }, 'input.rollback.multisig.signers.0.address', '"0x892bb7eed71efb060ab90140e7825d8127991Dd3" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)'],
    ['a threshold above the signer count', { rollback: { ...plan().rollback, multisig: { ...plan().rollback.multisig, threshold: 3 } } }, 'input.rollback.multisig.threshold', 'must be at most the number of signers (2)'],
    ['a signer listed twice', { rollback: { ...plan().rollback, multisig: { ...plan().rollback.multisig, signers: [plan().rollback.multisig.signers[0], plan().rollback.multisig.signers[0]] } } }, 'input.rollback.multisig.signers.1.address', 'repeats the address already listed at input.rollback.multisig.signers.0'],
    ['an empty communication plan', { rollback: { ...plan().rollback, communicationPlan: '' } }, 'input.rollback.communicationPlan', 'communicationPlan must be 1 to 4000 characters'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, field, message) => {
    const before = [await harness.rowCount('rollout_plan'), await harness.rowCount('rollout_transition')];
    const { data, errors } = await graphqlRequest(url, CREATE, { partnerId: partnerId('consensys'), input: plan(overrides) }, operator());
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field, message }] });
    expect([await harness.rowCount('rollout_plan'), await harness.rowCount('rollout_transition')]).toEqual(before);
  });

  it('refuses a plan from a caller who may not write its private rollback procedure', async () => {
    const before = await harness.rowCount('rollout_plan');
    const { errors } = await graphqlRequest(url, CREATE, { partnerId: partnerId('consensys'), input: plan() }, partnerHeaders('scroll-tech'));
    expect(errors?.[0]).toMatchObject({
      message: "Only operators and the partner itself may write a rollout plan's rollback procedure; use that partner's key or an operator key.",
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await harness.rowCount('rollout_plan')).toBe(before);
  });

  it('replaces the rollback procedure after a signer rotation', async () => {
    const id = await createPlan();
    const rotated = { ...plan().rollback, multisig: { ...plan().rollback.multisig, signers: [{ name: 'New security lead', address: '0x1000000000000000000000000000000000000003' }, plan().rollback.multisig.signers[1]] } };
    const { data, errors } = await graphqlRequest(
      url,
      `mutation ($id: ID!, $input: UpdateRolloutPlanInput!) { updateRolloutPlan(id: $id, input: $input) { title rollback { multisig { signers { name } } } } }`,
      { id, input: { rollback: rotated } },
      partnerHeaders('consensys'),
    );
    expect(errors).toBeUndefined();
    expect(data.updateRolloutPlan).toEqual({
      title: 'Linea deposits in the ecosystem bridge UI',
      rollback: { multisig: { signers: [{ name: 'New security lead' }, { name: 'Ecosystem incident commander' }] } },
    });
  });
});
