import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

// The standalone gateway (`node gateway/dist/index.js`, as in the distributed layout) receives SIGTERM while a
// request waits on a slow subgraph: it stops accepting connections, still answers that request, and exits 0.

const root = path.resolve(__dirname, '..', '..');
/** The subgraph stand-in holds each GraphQL request until the test releases it. */
let release: () => void = () => {};
let held: Promise<void>;
let subgraph: Server;
let child: ChildProcess | undefined;
const lines: Array<Record<string, any>> = [];

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'gateway')], { stdio: 'pipe' });
  held = new Promise((resolve) => (release = resolve));
  let arrived: () => void = () => {};
  arrivedAtSubgraph = new Promise((resolve) => (arrived = resolve));
  subgraph = createServer((request, response) => {
    if (request.url === '/readyz') return void response.end('{"status":"ready"}');
    request.resume();
    arrived();
    void held.then(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { chains: { nodes: [{ slug: 'slow-chain' }] } } }));
    });
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', () => resolve()));
}, 120_000);

let arrivedAtSubgraph: Promise<void>;

afterAll(async () => {
  release();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await new Promise<void>((resolve) => {
    subgraph.close(() => resolve());
    subgraph.closeAllConnections();
  });
});

/** Starts the gateway process and resolves with its `/graphql` URL once it listens. */
function startGateway(): Promise<string> {
  const subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  child = spawn(process.execPath, [path.join(root, 'gateway', 'dist', 'index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      JUNCTION_PRINCIPAL_SECRET: 'graceful-shutdown-test-secret-0123456789',
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      PARTNERS_URL: subgraphUrl,
      CHAINS_URL: subgraphUrl,
      BRIDGES_URL: subgraphUrl,
      INCIDENTS_URL: subgraphUrl,
      LOG_LEVEL: 'info',
      JUNCTION_DRAIN_TIMEOUT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line);
      lines.push(entry);
      if (entry.msg === 'gateway listening') resolve(entry.url);
    });
    child!.once('exit', (code) => reject(new Error(`The gateway exited with ${code} before listening.`)));
  });
}

it('answers the request in flight after SIGTERM, refuses new connections, and exits 0', async () => {
  const url = await startGateway();
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const inFlight = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'in-flight-1' },
    body: JSON.stringify({ query: '{ chains(first: 1) { nodes { slug } } }' }),
  });
  await arrivedAtSubgraph;
  child!.kill('SIGTERM');
  const deadline = Date.now() + 5000;
  while (!lines.some((line) => line.msg?.startsWith('Shutting down')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 100));
  await expect(fetch(new URL('/readyz', url))).rejects.toThrow();
  release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { chains: { nodes: [{ slug: 'slow-chain' }] } } });
  expect(await exited).toBe(0);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ service: 'gateway', msg: 'Shutting down: no new connections, draining in-flight requests.', signal: 'SIGTERM' }),
      expect.objectContaining({ service: 'gateway', msg: 'request', requestId: 'in-flight-1', status: 200 }),
      expect.objectContaining({ service: 'gateway', msg: 'Stopped.' }),
    ]),
  );
}, 60_000);
