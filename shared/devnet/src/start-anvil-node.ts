import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { DevnetError } from './devnet-error';
import { findFreePort } from './find-free-port';
import { guardChildProcess } from './guard-child-process';
import { resolveAnvilBinary } from './resolve-anvil-binary';

/** Parameters of {@link startAnvilNode}. */
export interface StartAnvilNodeParameters {
  /** The EIP-155 chain id the node reports. */
  chainId: number;
  /** The address the node listens on. @default '127.0.0.1' */
  host?: string;
  /** The port; 0 picks a free one, and picks again if another process takes it first. @default 0 */
  port?: number;
  /** Blocks per epoch: anvil answers `safe` with latest − slots and `finalized` with latest − 2 × slots. @default 32 */
  slotsInAnEpoch?: number;
  /** The anvil executable. @default resolveAnvilBinary() */
  binary?: string;
  /** How long the node may take to answer `eth_chainId`. @default 10000 */
  readyTimeoutMs?: number;
}

/** A running anvil process. It mines nothing until told to (it starts with `--no-mining`). */
export interface AnvilNode {
  /** The node's JSON-RPC URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The process id. */
  readonly pid: number;
  /** Stops the process (SIGTERM, then SIGKILL after 2 s) and resolves once it has exited; idempotent. */
  stop(): Promise<void>;
}

/** How many times a picked port is replaced when another process binds it first. */
const PORT_ATTEMPTS = 5;
/** How long a stopping node gets before it is killed. */
const STOP_GRACE_MS = 2000;

/**
 * Starts `anvil` as a child process on loopback and resolves once it answers `eth_chainId` with `chainId`. The
 * child is killed if this process exits first.
 */
export async function startAnvilNode({
  chainId,
  host = '127.0.0.1',
  port = 0,
  slotsInAnEpoch = 32,
  binary = resolveAnvilBinary(),
  readyTimeoutMs = 10_000,
}: StartAnvilNodeParameters): Promise<AnvilNode> {
  const attempts = port === 0 ? PORT_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt += 1) {
    const chosenPort = port || (await findFreePort(host));
    try {
      return await launch({ binary, chainId, host, port: chosenPort, slotsInAnEpoch, readyTimeoutMs });
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

class PortInUseError extends DevnetError {
  override name = 'PortInUseError';
}

interface LaunchParameters {
  binary: string;
  chainId: number;
  host: string;
  port: number;
  slotsInAnEpoch: number;
  readyTimeoutMs: number;
}

async function launch({ binary, chainId, host, port, slotsInAnEpoch, readyTimeoutMs }: LaunchParameters): Promise<AnvilNode> {
  const args = ['--chain-id', String(chainId), '--host', host, '--port', String(port), '--slots-in-an-epoch', String(slotsInAnEpoch), '--no-mining', '--silent'];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  guardChildProcess(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  // 'close' rather than 'exit': it comes after stderr has been read to the end, so the reason is complete.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const context = { binary, chainId, url };
  const node: AnvilNode = {
    url,
    port,
    pid: child.pid ?? -1,
    stop: () => stopChild(child, exited),
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const probe = new AbortController();
    const outcome = await Promise.race([
      answersChainId(url, probe.signal).then((answered) => ({ kind: 'probe' as const, answered })),
      exited.then(() => ({ kind: 'exited' as const })),
      spawnFailed.then((error) => ({ kind: 'spawn-failed' as const, error })),
    ]);
    probe.abort();
    if (outcome.kind === 'spawn-failed') {
      throw new DevnetError('anvil could not be started; check that the binary runs on this machine.', { details: context, cause: outcome.error });
    }
    if (outcome.kind === 'exited') {
      const reason = stderr.trim() || `exit code ${String(child.exitCode ?? child.signalCode)}`;
      if (/address already in use/i.test(stderr)) {
        throw new PortInUseError(`Port ${port} on ${host} is already in use; free it or choose another base port.`, { details: context });
      }
      throw new DevnetError('anvil exited before it answered eth_chainId.', { details: { ...context, reason } });
    }
    if (outcome.answered !== undefined) {
      if (outcome.answered === chainId) return node;
      await node.stop();
      throw new PortInUseError(`The node on ${url} answered chain id ${outcome.answered}, not ${chainId}; another process holds the port.`, { details: context });
    }
    if (Date.now() > deadline) {
      await node.stop();
      throw new DevnetError(`anvil did not answer eth_chainId within ${readyTimeoutMs} ms.`, { details: { ...context, stderr: stderr.trim() } });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The chain id the node answers, or undefined while it is not listening yet. Uses its own connection and closes
 * it, so a probe that loses the race to an exiting process leaves nothing open behind.
 */
function answersChainId(url: string, signal: AbortSignal): Promise<number | undefined> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
    const request = http.request(url, { method: 'POST', agent: false, signal, timeout: 1000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', () => resolve(undefined));
      response.on('end', () => {
        try {
          const result = (JSON.parse(text) as { result?: unknown }).result;
          resolve(typeof result === 'string' ? Number(result) : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    request.end(body);
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined) return;
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace-over'>((resolve) => {
    timer = setTimeout(() => resolve('grace-over'), STOP_GRACE_MS);
  });
  const outcome = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (outcome === 'grace-over') {
    child.kill('SIGKILL');
    await exited;
  }
}
