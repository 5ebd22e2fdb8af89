import { devnetFunding, startDevnet, type Devnet } from '@junction/devnet';
import {
  ContractReadFailedError,
  createChainClient,
  deriveBridgeStatus,
  deriveChainStatus,
  evaluateProbe,
  evaluateProbes,
  InvalidProbeError,
  readBridgeState,
  readSequencerUptime,
  type ChainClient,
} from '@junction/onchain';

let devnet: Devnet;
let l1: ChainClient;
let l2a: ChainClient;

beforeAll(async () => {
  devnet = await startDevnet();
  const clientOf = ({ chainId, label, endpoints }: Devnet['chains']['l1']) =>
    createChainClient({
      chainId,
      name: label,
      endpoints: endpoints.map((endpoint) => endpoint.url),
      rank: false,
      multicall3Address: devnet.contracts.multicall3,
    });
  l1 = clientOf(devnet.chains.l1);
  l2a = clientOf(devnet.chains.l2a);
});

afterAll(async () => {
  l1.close();
  l2a.close();
  await devnet.close();
});

const noCode = '0x000000000000000000000000000000000000dEaD' as const;

describe('readBridgeState', () => {
  const bridgeReads = () => ({
    contracts: [
      { address: devnet.contracts.escrow.address, pausable: true },
      { address: devnet.contracts.token.l1, pausable: false },
    ],
    balances: [
      { holder: devnet.contracts.escrow.address, token: devnet.contracts.token.l1 },
      { holder: devnet.contracts.escrow.address, token: 'native' as const },
    ],
  });

  it('reads paused() and the escrow balances in ONE eth_call, and follows pauseBridge()', async () => {
    const [primary] = devnet.chains.l1.endpoints;
    primary.reset();
    const running = await readBridgeState(l1, bridgeReads());
    expect(primary.calls()).toEqual({ __requests: 1, eth_call: 1 });
    expect(running).toEqual({
      contracts: [
        { address: devnet.contracts.escrow.address, pausable: true, ok: true, value: false, error: null },
        { address: devnet.contracts.token.l1, pausable: false, ok: true, value: false, error: null },
      ],
      balances: [
        { holder: devnet.contracts.escrow.address, token: devnet.contracts.token.l1, ok: true, value: devnetFunding.escrowToken, error: null },
        { holder: devnet.contracts.escrow.address, token: 'native', ok: true, value: devnetFunding.escrowNative, error: null },
      ],
    });
    expect(deriveBridgeStatus({ states: [running] })).toBe('OPERATIONAL');

    await devnet.pauseBridge();
    try {
      const paused = await readBridgeState(l1, bridgeReads());
      expect(paused.contracts[0]).toMatchObject({ ok: true, value: true });
      expect(deriveBridgeStatus({ states: [paused] })).toBe('PAUSED');
    } finally {
      await devnet.unpauseBridge();
    }
    expect((await readBridgeState(l1, bridgeReads())).contracts[0]).toMatchObject({ ok: true, value: false });
  });

  it('reports a read that fails on its own without failing the others', async () => {
    const state = await readBridgeState(l1, {
      contracts: [{ address: devnet.contracts.token.l1, pausable: true }],
      balances: [{ holder: devnet.contracts.escrow.address, token: 'native' }],
    });
    expect(state.contracts[0]).toEqual({ address: devnet.contracts.token.l1, pausable: true, ok: false, value: null, error: expect.stringContaining('paused') });
    expect(state.balances[0]).toMatchObject({ ok: true, value: devnetFunding.escrowNative });
    expect(deriveBridgeStatus({ states: [state] })).toBe('DEGRADED');
  });
});

describe('readSequencerUptime', () => {
  const feed = () => devnet.contracts.sequencerUptimeFeed.address;

  it('says up (answer 0), with the grace period after the status began', async () => {
    const uptime = await readSequencerUptime(l2a, { feed: feed() });
    expect(uptime).toMatchObject({ up: true, answer: 0n, withinGracePeriod: true });
    expect(uptime.secondsSinceStatusChange).toBeLessThan(60);
    const later = await readSequencerUptime(l2a, { feed: feed(), now: (uptime.startedAt + 3600) * 1000 });
    expect(later.withinGracePeriod).toBe(false);
  });

  it('follows the feed down and up again, and a down sequencer halts the chain', async () => {
    const before = await readSequencerUptime(l2a, { feed: feed() });
    await devnet.setSequencerStatus(false);
    try {
      const down = await readSequencerUptime(l2a, { feed: feed() });
      expect(down).toMatchObject({ up: false, answer: 1n, withinGracePeriod: false });
      expect(down.roundId).toBeGreaterThan(before.roundId);
      const sample = { chainIdOk: true, reachableEndpoints: 2, totalEndpoints: 2, headAgeSeconds: 0.5, expectedBlockTimeMs: 1000 };
      expect(deriveChainStatus({ ...sample, sequencerUp: down.up })).toBe('HALTED');
    } finally {
      await devnet.setSequencerStatus(true);
    }
    const up = await readSequencerUptime(l2a, { feed: feed() });
    expect(up).toMatchObject({ up: true, answer: 0n, withinGracePeriod: true });
    expect(up.startedAt).toBeGreaterThanOrEqual(before.startedAt);
  });

  it('throws ContractReadFailedError when the address is not a feed', async () => {
    const error = await readSequencerUptime(l2a, { feed: noCode }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractReadFailedError);
    expect(error).toMatchObject({
      name: 'ContractReadFailedError',
      code: 'UPSTREAM_UNAVAILABLE',
      kind: 'misconfigured',
      address: noCode,
      functionName: 'latestRoundData',
      chainId: 900002,
    });
  });
});

describe('evaluateProbes', () => {
  it('runs every probe in ONE eth_call and says why each passed or failed', async () => {
    const { escrow, token } = devnet.contracts;
    const [primary] = devnet.chains.l1.endpoints;
    primary.reset();
    const results = await evaluateProbes(l1, {
      probes: [
        { address: escrow.address, signature: 'function paused() view returns (bool)', expect: { equals: false } },
        { address: token.l1, signature: 'function balanceOf(address) view returns (uint256)', args: [escrow.address], expect: { min: '1000000000000' } },
        { address: token.l1, signature: 'function totalSupply() view returns (uint256)', expect: { max: 1 } },
        { address: token.l1, signature: 'function decimals() view returns (uint8)', expect: { equals: 6 } },
        { address: noCode, signature: 'function paused() view returns (bool)', expect: { equals: false } },
      ],
    });
    expect(primary.calls()).toEqual({ __requests: 1, eth_call: 1 });
    expect(results).toEqual([
      { value: false, passed: true, reason: 'paused() returned false, equal to false as expected.' },
      { value: devnetFunding.escrowToken, passed: true, reason: `balanceOf(address) returned ${devnetFunding.escrowToken}, at least 1000000000000 as expected.` },
      { value: devnetFunding.tokenSupply, passed: false, reason: `totalSupply() returned ${devnetFunding.tokenSupply}; expected at most 1.` },
      { value: 6, passed: true, reason: 'decimals() returned 6, equal to 6 as expected.' },
      { value: null, passed: false, reason: expect.stringMatching(/^paused\(\) failed: .+/) },
    ]);
  });

  it('evaluates a single probe, and follows the bridge being paused', async () => {
    const probe = { address: devnet.contracts.escrow.address, signature: 'function paused() view returns (bool)', expect: { equals: false } };
    expect(await evaluateProbe(l1, { probe })).toMatchObject({ passed: true });
    await devnet.pauseBridge();
    try {
      expect(await evaluateProbe(l1, { probe })).toEqual({ value: true, passed: false, reason: 'paused() returned true; expected false.' });
    } finally {
      await devnet.unpauseBridge();
    }
  });

  it('rejects an invalid probe before any call, naming the field', async () => {
    const [primary] = devnet.chains.l1.endpoints;
    primary.reset();
    const probes = [
      { address: devnet.contracts.escrow.address, signature: 'function paused() view returns (bool)' },
      { address: devnet.contracts.escrow.address, signature: 'function pause()' },
    ];
    const error = await evaluateProbes(l1, { probes }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidProbeError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'probes.1.signature', message: '"function pause()" must be a view or pure function.' }] });
    expect(primary.calls()).toEqual({ __requests: 0 });
  });
});
