import { createServer } from 'node:net';
import { DevnetError, startAnvilNode, startRpcProxy, type AnvilNode, type RpcProxy } from '@junction/devnet';
import { createPublicClient, http } from 'viem';
import { waitFor } from './support/processes';

let node: AnvilNode;
let proxy: RpcProxy;

beforeAll(async () => {
  node = await startAnvilNode({ chainId: 900009 });
  proxy = await startRpcProxy({ upstreamUrl: node.url });
});

afterAll(async () => {
  await proxy?.kill();
  await node?.stop();
});

beforeEach(() => {
  proxy.reset();
  proxy.setLatency(0);
});

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const call = (method: string, id = 1) => ({ jsonrpc: '2.0', id, method, params: [] });

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('RPC proxy', () => {
  it('forwards to the node and counts calls by method, each call of a batch included', async () => {
    const single = await post(proxy.url, call('eth_chainId'));
    expect(await single.json()).toEqual({ jsonrpc: '2.0', id: 1, result: '0xdbba9' });
    const batch = await post(proxy.url, [call('eth_blockNumber', 1), call('eth_chainId', 2), call('eth_blockNumber', 3)]);
    expect((await batch.json()).map((answer: { id: number }) => answer.id)).toEqual([1, 2, 3]);
    expect(proxy.calls()).toEqual({ __requests: 2, eth_chainId: 2, eth_blockNumber: 2 });

    const client = createPublicClient({ transport: http(proxy.url, { batch: true, retryCount: 0 }) });
    proxy.reset();
    await Promise.all([client.getChainId(), client.getGasPrice()]);
    expect(proxy.calls()).toEqual({ __requests: 1, eth_chainId: 1, eth_gasPrice: 1 });
    proxy.reset();
    expect(proxy.calls()).toEqual({ __requests: 0 });
  });

  it('answers invalid JSON with a 400 JSON-RPC parse error and other verbs with a 405', async () => {
    const response = await post(proxy.url, '{"jsonrpc": "2.0", "method": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'The request body is not valid JSON.' } });
    const get = await fetch(proxy.url);
    expect(get.status).toBe(405);
    expect((await get.json()).error.code).toBe(-32600);
    expect(proxy.calls()).toEqual({ __requests: 2 });
  });

  it('adds the configured latency to every request', async () => {
    proxy.setLatency(300);
    let started = performance.now();
    await post(proxy.url, call('eth_chainId'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    proxy.setLatency(0);
    started = performance.now();
    await post(proxy.url, call('eth_chainId'));
    expect(performance.now() - started).toBeLessThan(200);
    expect(() => proxy.setLatency(-1)).toThrow(DevnetError);
  });

  it('refuses connections at once when killed, resets requests in flight, and answers again on the same URL when revived', async () => {
    proxy.setLatency(10_000);
    const inFlight = post(proxy.url, call('eth_blockNumber')).catch((error: Error) => error);
    await waitFor(() => (proxy.calls().eth_blockNumber === 1 ? true : undefined), 2000, 'the request to reach the proxy');
    let started = performance.now();
    await proxy.kill();
    // fetch's errors come from Node's realm, not the test's: compare names, not classes.
    expect(await inFlight).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(performance.now() - started).toBeLessThan(1000);

    started = performance.now();
    const refused = await post(proxy.url, call('eth_chainId')).catch((error: Error) => error);
    expect(refused).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
    expect(performance.now() - started).toBeLessThan(500);
    await proxy.kill();

    proxy.setLatency(0);
    await proxy.revive();
    await proxy.revive();
    const revived = await post(proxy.url, call('eth_chainId'));
    expect((await revived.json()).result).toBe('0xdbba9');
    expect(proxy.calls()).toEqual({ __requests: 2, eth_blockNumber: 1, eth_chainId: 1 });
  });

  it('answers 502 with a JSON-RPC error when the node behind it is down', async () => {
    const orphan = await startRpcProxy({ upstreamUrl: `http://127.0.0.1:${await closedPort()}` });
    try {
      const response = await post(orphan.url, call('eth_chainId', 7));
      expect(response.status).toBe(502);
      const body = await response.json();
      expect(body).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32000, message: expect.stringContaining('The node behind this endpoint is unreachable') } });
      expect(orphan.calls()).toEqual({ __requests: 1, eth_chainId: 1 });
    } finally {
      await orphan.kill();
    }
  });
});
