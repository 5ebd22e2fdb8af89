import { startDevnet, type Devnet } from '@junction/devnet';
import { createTestClient, http } from 'viem';
import {
  ChainIdMismatchError,
  createChainClient,
  getChainHead,
  getFinality,
  getGasPrices,
  verifyChainId,
  type ChainClient,
} from '@junction/onchain';

let devnet: Devnet;
let l1: ChainClient;
let l2b: ChainClient;

beforeAll(async () => {
  devnet = await startDevnet();
  const clientOf = ({ chainId, label, endpoints }: Devnet['chains']['l1']) =>
    createChainClient({ chainId, name: label, endpoints: endpoints.map((endpoint) => endpoint.url), rank: false });
  l1 = clientOf(devnet.chains.l1);
  l2b = clientOf(devnet.chains.l2b);
});

afterAll(async () => {
  l1.close();
  l2b.close();
  await devnet.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('getChainHead', () => {
  it('reads the latest block and how old it is', async () => {
    const head = await getChainHead(l1);
    expect(head.number).toBeGreaterThan(0n);
    expect(head.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(Math.abs(head.timestamp - Date.now() / 1000)).toBeLessThan(devnet.chains.l1.blockTimeSeconds + 2);
    expect(head.headAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(head.headAgeSeconds).toBeLessThan(devnet.chains.l1.blockTimeSeconds + 2);
    expect(typeof head.baseFeePerGas).toBe('bigint');
    expect((await getChainHead(l1, { now: head.timestamp * 1000 + 30_000 })).headAgeSeconds).toBeGreaterThanOrEqual(30);
  });

  it('sees a halted chain: the head stops and its age keeps growing', async () => {
    await devnet.halt('l2b');
    try {
      const before = await getChainHead(l2b);
      await sleep(1500);
      const after = await getChainHead(l2b);
      expect(after.number).toBe(before.number);
      expect(after.headAgeSeconds - before.headAgeSeconds).toBeGreaterThanOrEqual(1.4);
    } finally {
      await devnet.resume('l2b');
    }
  });
});

describe('getFinality', () => {
  it('reads safe (latest − 32) and finalized (latest − 64) with their lag', async () => {
    await devnet.halt('l2b');
    try {
      await createTestClient({ mode: 'anvil', transport: http(devnet.chains.l2b.rpcUrl) }).mine({ blocks: 70 });
      const head = await getChainHead(l2b);
      const { safe, finalized } = await getFinality(l2b, { head });
      expect(safe).toEqual({ number: head.number - 32n, timestamp: expect.any(Number), lagBlocks: 32, lagSeconds: head.timestamp - safe!.timestamp });
      expect(finalized).toEqual({ number: head.number - 64n, timestamp: expect.any(Number), lagBlocks: 64, lagSeconds: head.timestamp - finalized!.timestamp });
      expect(await getFinality(l2b)).toEqual({ safe, finalized });
    } finally {
      await devnet.resume('l2b');
    }
  });

  it('sends the head and both checkpoints, read at once, as ONE HTTP request', async () => {
    const [primary, secondary] = devnet.chains.l1.endpoints;
    primary.reset();
    secondary.reset();
    const [head, finality] = await Promise.all([getChainHead(l1), getFinality(l1)]);
    expect(head.number).toBeGreaterThan(0n);
    expect(finality.safe).not.toBeNull();
    expect(primary.calls()).toEqual({ __requests: 1, eth_getBlockByNumber: 4 });
    expect(secondary.calls()).toEqual({ __requests: 0 });
  });
});

describe('getGasPrices', () => {
  it('reads the gas price and the base fee in one round-trip', async () => {
    const [primary] = devnet.chains.l1.endpoints;
    primary.reset();
    const { gasPriceWei, baseFeePerGasWei } = await getGasPrices(l1);
    expect(gasPriceWei).toBeGreaterThan(0n);
    expect(baseFeePerGasWei).toBeGreaterThan(0n);
    expect(gasPriceWei).toBeGreaterThanOrEqual(baseFeePerGasWei!);
    expect(primary.calls()).toEqual({ __requests: 1, eth_gasPrice: 1, eth_getBlockByNumber: 1 });
  });
});

describe('verifyChainId', () => {
  it('returns the chain id when the endpoint serves the expected chain', async () => {
    expect(await verifyChainId(l1, { expectedChainId: 900001 })).toEqual({ chainId: 900001 });
  });

  it('throws ChainIdMismatchError when it serves another chain', async () => {
    const error = await verifyChainId(l1, { expectedChainId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainIdMismatchError);
    expect(error).toMatchObject({
      name: 'ChainIdMismatchError',
      code: 'UPSTREAM_UNAVAILABLE',
      kind: 'misconfigured',
      expectedChainId: 1,
      actualChainId: 900001,
      shortMessage: "Junction Devnet L1's RPC endpoint serves chain id 900001, not the expected 1; fix the chain's endpoints or its chain id.",
    });
  });
});
