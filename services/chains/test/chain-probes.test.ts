import { createMemoryBackend, createRedisBackend, ReadThroughCache } from '@junction/cache';
import { createServer, type ChainsService } from '@junction/chains';
import { devnetFunding, startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { PUBLIC_PRINCIPAL } from '@junction/federation';
import { graphqlRequest, OPERATOR, openTestStore, partnerPrincipal, principalHeaders, TEST_PRINCIPAL_SECRET, type GraphQLResponse, type TestStore } from '@junction/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

// Operators' contract probes on a chain, evaluated with Chain.health against real JSON-RPC nodes (the devnet).

let devnet: Devnet;
let testStore: TestStore;
let service: ChainsService;
let url: string;
const ids: Partial<Record<DevnetChainName, string>> = {};
/** While set, the time the cache under on-chain reads sees: a cached observation stays fresh until it is unset. */
let frozenAt: number | undefined;
/** In Redis when REDIS_URL is set (as replicas share it), in memory otherwise. */
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { lazyConnect: true }) : undefined;
const cache = new ReadThroughCache({
  backend: redis ? createRedisBackend({ redis, prefix: `junction:test:${randomBytes(4).toString('hex')}:` }) : createMemoryBackend(),
  now: () => frozenAt ?? Date.now(),
});

const asPublic = principalHeaders(PUBLIC_PRINCIPAL);
const asOperator = principalHeaders(OPERATOR);

const HEALTH = `query ($id: ID!) { chain(id: $id) { health { status reasons probes { probeId label address passed value reason } observedAt stale } } }`;
const ADD_PROBE = `mutation ($chainId: ID!, $input: ChainProbeInput!) { addChainProbe(chainId: $chainId, input: $input) {
  id label address signature args expect { equals min max } chain { id }
} }`;
const REMOVE_PROBE = `mutation ($id: ID!) { removeChainProbe(id: $id) { id label } }`;
const PROBES = `query ($id: ID!) { chain(id: $id) { probes { id label } } }`;

/** The l2a escrow's jUSD balance, in base units (250,000 jUSD). */
const ESCROW_BALANCE = devnetFunding.remoteEscrowToken.toString();
const BALANCE_OF = 'function balanceOf(address) view returns (uint256)';

/** A probe of the l2a escrow's jUSD balance: at least `min` base units. The token address is given lower-case. */
const holds = (min: string, label: string) => ({
  address: devnet.contracts.token.l2a.toLowerCase(),
  signature: BALANCE_OF,
  args: [devnet.contracts.remoteEscrow.address],
  expect: { min },
  label,
});
const passing = () => holds('200000000000', 'L2a escrow holds 200k jUSD');
const failing = () => holds('300000000000', 'L2a escrow holds 300k jUSD');
const notPaused = () => ({ address: devnet.contracts.token.l2a, signature: 'function paused() view returns (bool)', expect: { equals: 'false' }, label: 'not paused' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(key: DevnetChainName): Promise<GraphQLResponse> {
  return graphqlRequest(url, HEALTH, { id: ids[key] }, asPublic);
}

/** Polls until the status is `status`, for at most `withinMs`; returns the last answer. */
async function waitForStatus(key: DevnetChainName, status: string, withinMs: number): Promise<GraphQLResponse> {
  const deadline = Date.now() + withinMs;
  let last = await health(key);
  while (last.data?.chain.health.status !== status && Date.now() < deadline) {
    await sleep(250);
    last = await health(key);
  }
  return last;
}

async function probeLabels(key: DevnetChainName): Promise<string[]> {
  const { data, errors } = await graphqlRequest(url, PROBES, { id: ids[key] }, asPublic);
  expect(errors).toBeUndefined();
  return data.chain.probes.map((probe: { label: string }) => probe.label);
}

/** Registers a devnet chain (with its two proxies as endpoints, unless told not to). */
async function register(name: DevnetChainName, input: Record<string, unknown>, { endpoints = true } = {}): Promise<void> {
  const chain = devnet.chains[name];
  const created = await graphqlRequest(url, `mutation ($input: CreateChainInput!) { createChain(input: $input) { id } }`, {
    input: {
      slug: `devnet-${name}`, name: `Devnet ${name}`, chainId: chain.chainId, kind: 'OPTIMISTIC_ROLLUP', stack: 'OP_STACK',
      settlementChainId: ids.l1, daLayer: 'ETHEREUM_BLOBS', sequencerModel: 'CENTRALIZED',
      expectedBlockTimeMs: chain.blockTimeSeconds * 1000, finalityTargetSeconds: 600, gasTokenSymbol: 'ETH', ...input,
    },
  }, asOperator);
  expect(created.errors).toBeUndefined();
  ids[name] = created.data.createChain.id as string;
  if (!endpoints) return;
  for (const [index, endpoint] of chain.endpoints.entries()) {
    const added = await graphqlRequest(
      url,
      `mutation ($id: ID!, $input: AddRpcEndpointInput!) { addRpcEndpoint(chainId: $id, input: $input) { id } }`,
      { id: ids[name], input: { label: index === 0 ? 'primary' : 'secondary', url: endpoint.url, priority: index + 1 } },
      asOperator,
    );
    expect(added.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  await redis?.connect();
  devnet = await startDevnet();
  testStore = await openTestStore();
  service = await createServer({ store: testStore.store, dbSchema: testStore.schema('chains'), principalSecret: TEST_PRINCIPAL_SECRET, cache });
  url = await service.server.listen(0);
  await register('l1', { kind: 'L1', stack: 'ETHEREUM', settlementChainId: null, daLayer: 'SELF', sequencerModel: 'PROOF_OF_STAKE' });
  // Generous thresholds: only a probe should make l2a DEGRADED here, not a late block on a loaded machine.
  await register('l2a', { sequencerUptimeFeedAddress: devnet.contracts.sequencerUptimeFeed.address, degradedAfterSeconds: 30, haltedAfterSeconds: 60 });
  await register('l2b', {}, { endpoints: false });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await testStore?.close();
  await devnet?.close();
  await redis?.quit();
});

describe('Chain contract probes', () => {
  it('evaluates a probe added while an observation is cached on the next read; passing, it keeps the chain HEALTHY', async () => {
    const before = await waitForStatus('l2a', 'HEALTHY', 10_000);
    expect(before.data.chain.health).toMatchObject({ status: 'HEALTHY', reasons: ['Blocks arrive on time and every endpoint answers.'], probes: [] });

    frozenAt = Date.now();
    try {
      // Until the clock moves again, the cached observation stays fresh: two reads in a row give the same one.
      let cached = await health('l2a');
      let stable = false;
      for (let attempt = 0; attempt < 10 && !stable; attempt++) {
        await sleep(300);
        const again = await health('l2a');
        stable = again.data.chain.health.observedAt === cached.data.chain.health.observedAt;
        cached = again;
      }
      expect(stable).toBe(true);

      const added = await graphqlRequest(url, ADD_PROBE, { chainId: ids.l2a, input: passing() }, asOperator);
      expect(added.errors).toBeUndefined();
      expect(added.data.addChainProbe).toEqual({
        id: expect.any(String), label: 'L2a escrow holds 200k jUSD', address: devnet.contracts.token.l2a, signature: BALANCE_OF,
        args: [devnet.contracts.remoteEscrow.address], expect: { equals: null, min: '200000000000', max: null }, chain: { id: ids.l2a },
      });

      const { data, errors } = await health('l2a');
      expect(errors).toBeUndefined();
      expect(data.chain.health).toEqual({
        status: 'HEALTHY',
        reasons: ['Blocks arrive on time, every endpoint answers and every probe passes.'],
        probes: [
          {
            probeId: added.data.addChainProbe.id, label: 'L2a escrow holds 200k jUSD', address: devnet.contracts.token.l2a, passed: true, value: ESCROW_BALANCE,
            reason: `balanceOf(address) returned ${ESCROW_BALANCE}, at least 200000000000 as expected.`,
          },
        ],
        observedAt: expect.any(String),
        stale: false,
      });
      expect(data.chain.health.observedAt).not.toBe(cached.data.chain.health.observedAt);
    } finally {
      frozenAt = undefined;
    }
  }, 30_000);

  it('makes a HEALTHY chain DEGRADED while a probe fails, naming it, and HEALTHY again once it is removed', async () => {
    const added = await graphqlRequest(url, ADD_PROBE, { chainId: ids.l2a, input: failing() }, asOperator);
    expect(added.errors).toBeUndefined();
    const reason = `balanceOf(address) returned ${ESCROW_BALANCE}; expected at least 300000000000.`;

    for (const proxy of devnet.chains.l2a.endpoints) proxy.reset();
    const { data, errors } = await health('l2a'); // a new probe, a new observation
    expect(errors).toBeUndefined();
    // Two eth_calls: the sequencer uptime feed's latestRoundData(), and one Multicall3 call holding both probes.
    expect(devnet.chains.l2a.endpoints.reduce((sum, proxy) => sum + (proxy.calls().eth_call ?? 0), 0)).toBe(2);
    expect(data.chain.health).toMatchObject({
      status: 'DEGRADED',
      reasons: [`Probe "L2a escrow holds 300k jUSD" failed: ${reason}`],
      probes: [
        { label: 'L2a escrow holds 200k jUSD', passed: true, value: ESCROW_BALANCE },
        { probeId: added.data.addChainProbe.id, label: 'L2a escrow holds 300k jUSD', address: devnet.contracts.token.l2a, passed: false, value: ESCROW_BALANCE, reason },
      ],
      stale: false,
    });

    const removed = await graphqlRequest(url, REMOVE_PROBE, { id: added.data.addChainProbe.id }, asOperator);
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeChainProbe).toEqual({ id: added.data.addChainProbe.id, label: 'L2a escrow holds 300k jUSD' });
    const after = await health('l2a');
    expect(after.data.chain.health).toMatchObject({
      status: 'HEALTHY',
      reasons: ['Blocks arrive on time, every endpoint answers and every probe passes.'],
      probes: [{ label: 'L2a escrow holds 200k jUSD', passed: true }],
    });
    expect(await probeLabels('l2a')).toEqual(['L2a escrow holds 200k jUSD']);
  }, 30_000);

  it('reports the probes of a chain that cannot be read as not evaluated', async () => {
    const added = await graphqlRequest(url, ADD_PROBE, { chainId: ids.l2b, input: { ...passing(), address: devnet.contracts.token.l2b } }, asOperator);
    expect(added.errors).toBeUndefined();
    const { data, errors } = await health('l2b');
    expect(errors).toBeUndefined();
    expect(data.chain.health).toMatchObject({
      status: 'UNREACHABLE',
      reasons: ['No RPC endpoint is configured for this chain.'],
      probes: [
        {
          probeId: added.data.addChainProbe.id, label: 'L2a escrow holds 200k jUSD', address: devnet.contracts.token.l2b, passed: false, value: null,
          reason: 'Not evaluated: No RPC endpoint is configured for this chain.',
        },
      ],
    });
  });

  it('refuses invalid probes with every problem named, writing nothing', async () => {
    const before = await probeLabels('l2a');
    const refuse = async (input: Record<string, unknown>, fieldErrors: Array<{ field: string; message: string }>) => {
      const { data, errors } = await graphqlRequest(url, ADD_PROBE, { chainId: ids.l2a, input }, asOperator);
      expect(data).toBeNull();
      expect(errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fieldErrors }]);
    };
    await refuse({ ...failing(), address: '0x5427FEFA711eff984124bFBB1AB6fbf5E3DA1820', signature: 'function balanceOf( view' }, [
      { field: 'input.address', message: '"0x5427FEFA711eff984124bFBB1AB6fbf5E3DA1820" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)' },
      { field: 'input.signature', message: '"function balanceOf( view" is not a human-readable ABI item; write it like "function paused() view returns (bool)".' },
    ]);
    await refuse({ ...failing(), signature: 'function pause()' }, [{ field: 'input.signature', message: '"function pause()" must be a view or pure function.' }]);
    await refuse({ ...failing(), args: [] }, [{ field: 'input.args', message: 'balanceOf takes 1 argument(s), but 0 were given.' }]);
    await refuse({ ...failing(), args: ['not an address'] }, [{ field: 'input.args', message: 'do not fit balanceOf(address): Address "not an address" is invalid.' }]);
    await refuse({ ...failing(), args: Array.from({ length: 17 }, () => 1) }, [{ field: 'input.args', message: 'args must have at most 16 entries' }]);
    await refuse({ ...notPaused(), expect: { min: '1' } }, [{ field: 'input.expect', message: 'min and max need a function that returns an integer.' }]);
    await refuse({ ...failing(), expect: { max: '1.5' } }, [{ field: 'input.expect.max', message: 'max must be an integer (a number, bigint or decimal string).' }]);
    await refuse({ ...notPaused(), expect: { equals: 'no' } }, [{ field: 'input.expect.equals', message: 'must be true or false: paused() returns bool' }]);
    await refuse({ ...failing(), label: 'l2A ESCROW holds 200K jusd' }, [
      { field: 'input.label', message: '"L2a escrow holds 200k jUSD" is already a probe of this chain; pick another label' },
    ]);
    await refuse({ ...failing(), label: '' }, [{ field: 'input.label', message: 'label must be 1 to 120 characters' }]);
    expect(await probeLabels('l2a')).toEqual(before);

    const unknown = await graphqlRequest(url, ADD_PROBE, { chainId: '00000000-0000-4000-8000-000000000000', input: failing() }, asOperator);
    expect(unknown.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
      { message: 'No active chain with id "00000000-0000-4000-8000-000000000000" exists.', extensions: { code: 'NOT_FOUND' } },
    ]);
  });

  it('lets only operators add and remove probes; anyone may list them', async () => {
    const refusals = (field: string) => [
      [asPublic, { message: `Mutation.${field} needs an API key; send one as "Authorization: Bearer <key>".`, extensions: { code: 'UNAUTHENTICATED' } }],
      [asPartner, { message: `Mutation.${field} needs a key with the role OPERATOR or above; yours is PARTNER.`, extensions: { code: 'FORBIDDEN' } }],
    ] as const;
    const asPartner = principalHeaders(partnerPrincipal('00000000-0000-4000-8000-000000000001'));
    for (const [headers, refusal] of refusals('addChainProbe')) {
      const added = await graphqlRequest(url, ADD_PROBE, { chainId: ids.l2a, input: failing() }, headers);
      expect(added.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([refusal]);
    }
    const { data } = await graphqlRequest(url, PROBES, { id: ids.l2a }, asPublic);
    const [probe] = data.chain.probes;
    for (const [headers, refusal] of refusals('removeChainProbe')) {
      const removal = await graphqlRequest(url, REMOVE_PROBE, { id: probe.id }, headers);
      expect(removal.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([refusal]);
    }
    expect(await probeLabels('l2a')).toEqual(['L2a escrow holds 200k jUSD']);
  });
});
