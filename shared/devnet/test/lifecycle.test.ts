import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { DevnetError, devnetCatalogue, startDevnet, type Devnet } from '@junction/devnet';
import { createTestClient, http, publicActions } from 'viem';
import { anvilChildren, isRunning, waitFor } from './support/processes';

const childScript = path.join(__dirname, 'fixtures', 'devnet-child.js');

/** Runs the fixture in `mode`, returns the anvil pids it printed and how it ended. */
async function runChild(mode: 'exit' | 'exception' | 'wait', signal?: NodeJS.Signals) {
  const child = spawn(process.execPath, [childScript, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signalCode) => resolve({ code, signal: signalCode })));
  const pids = await waitFor(() => (stdout.includes('\n') ? (JSON.parse(stdout) as number[]) : undefined), 15_000, `the ${mode} child to start its devnet (${stderr})`);
  if (signal) child.kill(signal);
  return { pids, ending: await ended, stderr };
}

describe('devnet lifecycle', () => {
  it('close() stops every anvil process and proxy, and can be called again', async () => {
    const devnet = await startDevnet();
    const pids = Object.values(devnet.chains).map((chain) => chain.pid);
    expect(pids.every(isRunning)).toBe(true);
    expect(anvilChildren().filter((pid) => pids.includes(pid)).sort()).toEqual([...pids].sort());
    const endpoint = devnet.chains.l1.endpoints[1].url;

    await Promise.all([devnet.close(), devnet.close()]);
    expect(pids.filter(isRunning)).toEqual([]);
    const refused = (await fetch(endpoint, { method: 'POST', body: '{}' }).catch((error: Error) => error)) as Error & { cause?: { code?: string } };
    expect(refused.cause?.code).toBe('ECONNREFUSED');
    await devnet.close();
    await expect(devnet.halt('l1')).rejects.toThrow('The devnet is closed.');
  });

  it('takes block times and finality depth per chain; anvil answers safe = latest − n and finalized = latest − 2n', async () => {
    const devnet: Devnet = await startDevnet({ blockTimeSeconds: { l2b: 3 }, slotsInAnEpoch: { l2b: 4 } });
    try {
      expect(devnet.chains.l2b.blockTimeSeconds).toBe(3);
      expect(devnetCatalogue(devnet).map((entry) => entry.expectedBlockTimeMs)).toEqual([2000, 1000, 3000]);
      const depths = async (name: 'l1' | 'l2b') => {
        await devnet.halt(name);
        const client = createTestClient({ mode: 'anvil', transport: http(devnet.chains[name].rpcUrl, { retryCount: 0 }) }).extend(publicActions);
        await client.mine({ blocks: 70 });
        const [latest, safe, finalized] = await Promise.all(
          (['latest', 'safe', 'finalized'] as const).map(async (blockTag) => (await client.getBlock({ blockTag })).number),
        );
        return [latest - safe, latest - finalized];
      };
      expect(await depths('l1')).toEqual([32n, 64n]);
      expect(await depths('l2b')).toEqual([4n, 8n]);
    } finally {
      await devnet.close();
    }
  });

  it('fails fast with a clear error on a taken base port, leaving no anvil process behind', async () => {
    // Another program holds the port (and hangs up on whoever connects).
    const blocker: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const failure = await startDevnet({ basePort: port }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DevnetError);
      expect((failure as DevnetError).shortMessage).toBe(`Port ${port} on 127.0.0.1 is already in use; free it or choose another base port.`);
      expect(anvilChildren()).toEqual([]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects block times anvil cannot keep', async () => {
    await expect(startDevnet({ blockTimeSeconds: { l1: 0.5 } })).rejects.toThrow(
      'blockTimeSeconds.l1 must be a whole number of seconds, at least 1 (anvil mines in whole seconds); got 0.5.',
    );
  });

  it.each([
    ['exits', 'exit', undefined, { code: 0, signal: null }],
    ['dies of an uncaught exception', 'exception', undefined, { code: 1, signal: null }],
    ['is sent SIGTERM and handles no signals itself', 'wait', 'SIGTERM', { code: null, signal: 'SIGTERM' }],
  ] as const)('kills the anvil processes when the parent process %s without closing the devnet', async (_, mode, signal, ending) => {
    const child = await runChild(mode, signal);
    expect(child.ending).toEqual(ending);
    expect(child.pids).toHaveLength(3);
    await waitFor(() => (child.pids.some(isRunning) ? undefined : true), 3000, 'the orphaned anvil processes to die');
  });
});
