import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { startDevnet, type Devnet } from '@junction/devnet';
import { createChainClient, getChainHead, probeEndpoints, RpcRequestFailedError, type RpcCall } from '@junction/onchain';

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterEach(async () => {
  for (const chain of Object.values(devnet.chains)) {
    for (const endpoint of chain.endpoints) {
      endpoint.setLatency(0);
      await endpoint.revive();
    }
  }
});

afterAll(async () => {
  await devnet.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('probeEndpoints', () => {
  it('asks every endpoint directly and reports a dead one as unreachable, fast', async () => {
    const { chainId, endpoints } = devnet.chains.l1;
    await endpoints[1].kill();
    const started = Date.now();
    const [alive, dead] = await probeEndpoints({ endpoints: endpoints.map((endpoint) => endpoint.url), expectedChainId: chainId });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(alive).toEqual({
      url: endpoints[0].url,
      reachable: true,
      latencyMs: expect.any(Number),
      chainId,
      chainIdMatches: true,
      blockNumber: expect.any(BigInt),
      failure: null,
      error: null,
    });
    expect(dead).toEqual({
      url: endpoints[1].url,
      reachable: false,
      latencyMs: null,
      chainId: null,
      chainIdMatches: null,
      blockNumber: null,
      failure: 'unreachable',
      error: 'probeEndpoints on chain 900001 failed: the RPC endpoint could not be reached.',
    });
    expect(endpoints[0].calls()).toMatchObject({ eth_chainId: 1, eth_blockNumber: 1 });
  });

  it('says when an endpoint serves another chain', async () => {
    const [probe] = await probeEndpoints({ endpoints: [devnet.chains.l2a.endpoints[0].url], expectedChainId: 900001 });
    expect(probe).toMatchObject({ reachable: true, chainId: 900002, chainIdMatches: false });
  });
});

describe('probeEndpoints: what it tells onRpcCall', () => {
  it('reports each call with its own outcome: both for a live endpoint, both failed for a dead one', async () => {
    const { chainId, endpoints } = devnet.chains.l1;
    await endpoints[1].kill();
    const calls: RpcCall[] = [];
    await probeEndpoints({ endpoints: [endpoints[0].url], expectedChainId: chainId, onRpcCall: (call) => calls.push(call) });
    await probeEndpoints({ endpoints: [endpoints[1].url], expectedChainId: chainId, onRpcCall: (call) => calls.push(call) });
    expect(calls).toEqual([
      { chainId, method: 'eth_chainId', outcome: 'success' },
      { chainId, method: 'eth_blockNumber', outcome: 'success' },
      { chainId, method: 'eth_chainId', outcome: 'error' },
      { chainId, method: 'eth_blockNumber', outcome: 'error' },
    ]);
  });

  it('counts only the failed call as an error when an endpoint answers one call of the batch and fails the other', async () => {
    // An endpoint that knows its chain id but errors on eth_blockNumber (a node still starting, say).
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { id: number; method: string } | Array<{ id: number; method: string }>;
        const answer = ({ id, method }: { id: number; method: string }) =>
          method === 'eth_chainId' ? { jsonrpc: '2.0', id, result: '0xdbba1' } : { jsonrpc: '2.0', id, error: { code: -32000, message: 'header not found' } };
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(Array.isArray(parsed) ? parsed.map(answer) : answer(parsed)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const calls: RpcCall[] = [];
      const [probe] = await probeEndpoints({
        endpoints: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`],
        expectedChainId: 900001,
        onRpcCall: (call) => calls.push(call),
      });
      expect(probe).toMatchObject({ reachable: false, chainId: null });
      expect(calls).toEqual([
        { chainId: 900001, method: 'eth_chainId', outcome: 'success' },
        { chainId: 900001, method: 'eth_blockNumber', outcome: 'error' },
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('fallback', () => {
  it('reads through the secondary endpoint when the primary is down', async () => {
    const { chainId, label, endpoints } = devnet.chains.l1;
    const [primary, secondary] = endpoints;
    const client = createChainClient({ chainId, name: label, endpoints: endpoints.map((endpoint) => endpoint.url), rank: false });
    try {
      await getChainHead(client);
      expect(primary.calls()).toMatchObject({ eth_getBlockByNumber: 1 });
      primary.reset();
      secondary.reset();

      await primary.kill();
      const head = await getChainHead(client);
      expect(head.number).toBeGreaterThan(0n);
      expect(primary.calls()).toEqual({ __requests: 0 });
      expect(secondary.calls()).toEqual({ __requests: 1, eth_getBlockByNumber: 1 });
    } finally {
      client.close();
    }
  });

  it('ranks the endpoints: a slow primary loses its place to a fast secondary', async () => {
    const { chainId, label, endpoints } = devnet.chains.l2a;
    const [primary, secondary] = endpoints;
    primary.setLatency(300);
    const client = createChainClient({
      chainId,
      name: label,
      endpoints: endpoints.map((endpoint) => endpoint.url),
      rank: { intervalMs: 100, sampleCount: 3 },
    });
    try {
      await sleep(800);
      // Both are sampled (one eth_blockNumber each per interval) while ranking runs.
      expect(primary.calls().eth_blockNumber).toBeGreaterThan(0);
      expect(secondary.calls().eth_blockNumber).toBeGreaterThan(0);
      primary.reset();
      secondary.reset();
      await getChainHead(client);
      expect(secondary.calls().eth_getBlockByNumber).toBe(1);
      expect(primary.calls().eth_getBlockByNumber).toBeUndefined();
    } finally {
      client.close();
    }
    // After close() no new sample starts.
    await sleep(500);
    primary.reset();
    await sleep(500);
    expect(primary.calls()).toEqual({ __requests: 0 });
  });
});

describe('every endpoint down', () => {
  it('throws RpcRequestFailedError within the retry bound, with no credential anywhere in it', async () => {
    const { chainId, label, endpoints } = devnet.chains.l2b;
    await Promise.all(endpoints.map((endpoint) => endpoint.kill()));
    const key = 'abcdef0123456789abcdef0123456789';
    const urls = endpoints.map(({ url }) => `http://user:secret@${new URL(url).host}/v2/${key}?apikey=k3y-value`);
    const timeoutMs = 1000;
    const retryCount = 2;
    const retryDelayMs = 50;
    const client = createChainClient({ chainId, name: label, endpoints: urls, timeoutMs, retryCount, retryDelayMs, rank: false });
    try {
      const started = Date.now();
      const error = await getChainHead(client).catch((caught: unknown) => caught);
      const elapsedMs = Date.now() - started;

      const bound = urls.length * ((retryCount + 1) * timeoutMs + retryDelayMs * (2 ** retryCount - 1));
      expect(elapsedMs).toBeLessThan(bound);
      expect(elapsedMs).toBeGreaterThanOrEqual(2 * retryDelayMs * (2 ** retryCount - 1) - 20);
      expect(error).toBeInstanceOf(RpcRequestFailedError);
      expect(error).toMatchObject({
        name: 'RpcRequestFailedError',
        code: 'UPSTREAM_UNAVAILABLE',
        kind: 'unavailable',
        operation: 'getChainHead',
        chainId,
        failure: 'unreachable',
        // viem moves userinfo into an Authorization header, so the URL it reports has none left to scrub.
        url: `http://${new URL(endpoints[1].url).host}/v2/***?apikey=***`,
        shortMessage: `getChainHead on chain ${chainId} failed: the RPC endpoint could not be reached.`,
      });
      const everything = `${(error as Error).message}\n${(error as Error).stack}\n${inspect(error, { depth: 20 })}`;
      for (const secret of ['secret', 'user:', key, 'k3y-value']) expect(everything).not.toContain(secret);
    } finally {
      client.close();
    }
  });
});
