import { devnetCatalogue, devnetChainNames, startDevnet, type Devnet, type DevnetChainName } from '@junction/devnet';
import { createPublicClient, http } from 'viem';
import { waitFor } from './support/processes';

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.close();
});

const clientOf = (name: DevnetChainName, url = devnet.chains[name].endpoints[0].url) =>
  createPublicClient({ transport: http(url, { retryCount: 0 }), cacheTime: 0 });

const headOf = (name: DevnetChainName) => clientOf(name, devnet.chains[name].rpcUrl).getBlockNumber();

describe('devnet chains', () => {
  it('runs three chains with their chain ids, answered by the node and by both endpoints', async () => {
    expect(devnetChainNames.map((name) => [name, devnet.chains[name].label, devnet.chains[name].chainId, devnet.chains[name].blockTimeSeconds])).toEqual([
      ['l1', 'Junction Devnet L1', 900001, 2],
      ['l2a', 'Junction Devnet L2A', 900002, 1],
      ['l2b', 'Junction Devnet L2B', 900003, 2],
    ]);
    for (const name of devnetChainNames) {
      const { rpcUrl, endpoints, chainId } = devnet.chains[name];
      const urls = [rpcUrl, endpoints[0].url, endpoints[1].url];
      expect(new Set(urls).size).toBe(3);
      const answers = await Promise.all(urls.map((url) => clientOf(name, url).getChainId()));
      expect(answers).toEqual([chainId, chainId, chainId]);
    }
  });

  it('produces blocks on every chain at its block time', async () => {
    await Promise.all(
      devnetChainNames.map(async (name) => {
        const { blockTimeSeconds } = devnet.chains[name];
        const start = await headOf(name);
        const started = Date.now();
        await waitFor(async () => ((await headOf(name)) >= start + 2n ? true : undefined), blockTimeSeconds * 3000 + 1500, `two ${name} blocks`);
        const elapsedMs = Date.now() - started;
        // Two new blocks take between one and two block times (the first may come at once).
        expect(elapsedMs).toBeGreaterThan(blockTimeSeconds * 1000 - 300);
      }),
    );
  });

  it('stops producing blocks on halt and produces them again on resume', async () => {
    await Promise.all(devnetChainNames.map((name) => devnet.halt(name)));
    const halted = await Promise.all(devnetChainNames.map(headOf));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await Promise.all(devnetChainNames.map(headOf))).toEqual(halted);
    const latest = await clientOf('l1').getBlock();
    expect(Date.now() / 1000 - Number(latest.timestamp)).toBeGreaterThanOrEqual(2);

    await Promise.all(devnetChainNames.map((name) => devnet.resume(name)));
    await Promise.all(
      devnetChainNames.map((name, index) =>
        waitFor(async () => ((await headOf(name)) > halted[index] ? true : undefined), devnet.chains[name].blockTimeSeconds * 1000 + 1500, `${name} to advance`),
      ),
    );
  });

  it('describes itself for the chain catalogue, listing the proxies as RPC endpoints', () => {
    expect(devnetCatalogue(devnet)).toEqual([
      {
        slug: 'junction-devnet-l1',
        name: 'Junction Devnet L1',
        chainId: 900001,
        kind: 'L1',
        settlementSlug: null,
        expectedBlockTimeMs: 2000,
        rpcUrls: [devnet.chains.l1.endpoints[0].url, devnet.chains.l1.endpoints[1].url],
      },
      {
        slug: 'junction-devnet-l2a',
        name: 'Junction Devnet L2A',
        chainId: 900002,
        kind: 'OPTIMISTIC_ROLLUP',
        settlementSlug: 'junction-devnet-l1',
        expectedBlockTimeMs: 1000,
        rpcUrls: [devnet.chains.l2a.endpoints[0].url, devnet.chains.l2a.endpoints[1].url],
      },
      {
        slug: 'junction-devnet-l2b',
        name: 'Junction Devnet L2B',
        chainId: 900003,
        kind: 'ZK_ROLLUP',
        settlementSlug: 'junction-devnet-l1',
        expectedBlockTimeMs: 2000,
        rpcUrls: [devnet.chains.l2b.endpoints[0].url, devnet.chains.l2b.endpoints[1].url],
      },
    ]);
  });

  it('rejects control calls for a chain it does not run', async () => {
    await expect(devnet.halt('l3' as DevnetChainName)).rejects.toThrow('There is no devnet chain "l3"; use one of l1, l2a, l2b.');
  });
});
