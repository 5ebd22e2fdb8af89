import { createMemoryBackend, createRedisBackend, ReadThroughCache } from '@junction/cache';
import type { Stack } from '@junction/launcher';
import { Redis } from 'ioredis';
import { graphqlRequest } from '@junction/testing';
import { startTestStack, type TestStack } from './test-stack';

// `npm start`'s devnet, registered in the catalogue, read through the gateway. The cache is in Redis when
// REDIS_URL is set (as in CI), in memory otherwise.

let testStack: TestStack;
let stack: Stack;
let redis: Redis | undefined;
/** The cache's clock: real time, except while a test freezes it to look at one moment in isolation. */
let frozenAt: number | undefined;

beforeAll(async () => {
  redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
  const backend = redis ? createRedisBackend({ redis, prefix: `junction:test:${process.pid}:${Date.now()}:` }) : createMemoryBackend();
  testStack = await startTestStack({
    devnet: true,
    cache: new ReadThroughCache({ backend, now: () => frozenAt ?? Date.now() }),
    // The burst below is 200 anonymous queries from one address, past the default 60 a minute.
    rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } },
    // These tests count the RPC calls behind each health read: no response cache in front of them.
    responseCache: { enabled: false },
  });
  stack = testStack.stack;
}, 60_000);

afterAll(async () => {
  await testStack.close();
  await redis?.quit();
});

const HEALTH = `{ chain(slug: "junction-devnet-l2a") { name chainId health { status headNumber sequencer { up } stale observedAt } } }`;

describe('chain health through the gateway', () => {
  it('lists the devnet chains beside the real networks and reads their health', async () => {
    const { data, errors } = await graphqlRequest(stack.urls.gateway, `{ chains(first: 100, filter: { search: "junction devnet" }) { nodes { slug chainId settlement { slug } } } }`);
    expect(errors).toBeUndefined();
    expect(data.chains.nodes).toEqual([
      { slug: 'junction-devnet-l1', chainId: 900001, settlement: null },
      { slug: 'junction-devnet-l2a', chainId: 900002, settlement: { slug: 'junction-devnet-l1' } },
      { slug: 'junction-devnet-l2b', chainId: 900003, settlement: { slug: 'junction-devnet-l1' } },
    ]);
    const health = await graphqlRequest(stack.urls.gateway, HEALTH);
    expect(health.errors).toBeUndefined();
    expect(health.data.chain).toMatchObject({ chainId: 900002, health: { status: 'HEALTHY', sequencer: { up: true }, stale: false } });
  });

  it('makes one upstream call per read for 200 concurrent identical health queries through the gateway', async () => {
    const devnet = stack.devnet!;
    // Past every cache window, and held there for the whole burst however long it takes on a loaded machine.
    frozenAt = Date.now() + 60_000;
    for (const proxy of devnet.chains.l2a.endpoints) proxy.reset();
    const answers = await Promise.all(Array.from({ length: 200 }, () => graphqlRequest(stack.urls.gateway, HEALTH))).finally(() => {
      frozenAt = undefined;
    });
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const observed = new Set(answers.map((answer) => answer.data.chain.health.observedAt));
    expect(observed.size).toBe(1);
    const calls = devnet.chains.l2a.endpoints.map((proxy) => proxy.calls());
    const total = (method: string) => calls.reduce((sum, byMethod) => sum + (byMethod[method] ?? 0), 0);
    expect(calls.map((byMethod) => byMethod.eth_chainId ?? 0)).toEqual([1, 1]);
    expect(total('eth_getBlockByNumber')).toBe(3);
    expect(total('eth_gasPrice')).toBe(1);
    expect(total('eth_call')).toBe(1);
  }, 30_000);

  it('reads the devnet bridge from the chain: escrow balances, and PAUSED while its escrows are paused', async () => {
    const BRIDGE = `{ bridge(slug: "junction-devnet-bridge") { name health { status contracts { label paused balances { symbol amount } } stale } } }`;
    const operational = await graphqlRequest(stack.urls.gateway, BRIDGE);
    expect(operational.errors).toBeUndefined();
    expect(operational.data.bridge.health.status).toBe('OPERATIONAL');
    const l1 = operational.data.bridge.health.contracts.find((contract: { label: string }) => contract.label === 'L1 escrow');
    expect(l1.paused).toBe(false);
    expect(l1.balances).toEqual(expect.arrayContaining([expect.objectContaining({ symbol: 'jUSD', amount: 1_000_000 })]));
    await stack.devnet!.pauseBridge();
    try {
      const deadline = Date.now() + 15_000;
      let status = '';
      while (status !== 'PAUSED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await graphqlRequest(stack.urls.gateway, BRIDGE)).data.bridge.health.status;
      }
      expect(status).toBe('PAUSED');
    } finally {
      await stack.devnet!.unpauseBridge();
    }
  }, 30_000);
});
