import { PUBLIC_PRINCIPAL, signPrincipal } from '@junction/federation';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

// A standalone subgraph (`runSubgraph`) and the one-process launcher (`npm start`) receive SIGTERM while a client is
// still uploading its request: the request is answered, no new connection is accepted, the process exits 0.

const root = path.resolve(__dirname, '..');
const SECRET = 'graceful-shutdown-test-secret-0123456789';
const children: ChildProcess[] = [];
const dataDirs: string[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'launcher')], { stdio: 'pipe' });
}, 180_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** A process and the JSON lines it has logged. */
interface Started {
  child: ChildProcess;
  lines: Array<Record<string, any>>;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `script` on a fresh embedded store; resolves once the line `listening(line)` picks gives its URL. */
function start(script: string, env: Record<string, string>, listening: (line: Record<string, any>) => string | undefined): Promise<Started> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-shutdown-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, [path.join(root, script)], {
    env: { PATH: process.env.PATH ?? '', JUNCTION_DATA_DIR: dataDir, JUNCTION_SEED: 'false', JUNCTION_PRINCIPAL_SECRET: SECRET, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: Array<Record<string, any>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text);
      lines.push(line);
      const url = listening(line);
      if (url) resolve({ child, lines, url, exited });
    });
    void exited.then((code) => reject(new Error(`${script} exited with ${code} before listening.`)));
  });
}

/**
 * POSTs `{ __typename }` to `url`, sending the first half of the body at once and the rest when `finish` is called:
 * a request in flight for as long as the test wants. Resolves with the status and body of the answer.
 */
function slowUpload(url: string, headers: Record<string, string>): { finish(): void; answer: Promise<{ status: number; body: string }> } {
  const body = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
  let finish = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.write(body.subarray(0, 5));
    finish = () => outgoing.end(body.subarray(5));
  });
  return { finish: () => finish(), answer };
}

/** Sends SIGTERM, waits for the shutdown to start, checks new connections are refused, then lets the upload finish. */
async function terminateDuring(started: Started, upload: ReturnType<typeof slowUpload>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  started.child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  const shuttingDown = () => started.lines.some((line) => String(line.msg).startsWith('Shutting down'));
  while (!shuttingDown() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(shuttingDown()).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(fetch(new URL('/healthz', started.url))).rejects.toThrow();
  upload.finish();
}

it('a standalone subgraph answers the request in flight after SIGTERM and exits 0', async () => {
  const started = await start('services/partners/dist/index.js', { PARTNERS_PORT: '0', PARTNERS_HOST: '127.0.0.1' }, (line) =>
    line.msg === 'partners subgraph listening' ? line.url : undefined,
  );
  const upload = slowUpload(started.url, { ...signPrincipal(PUBLIC_PRINCIPAL, { secret: SECRET }), 'x-request-id': 'slow-upload-1' });
  await terminateDuring(started, upload);
  expect(await upload.answer).toEqual({ status: 200, body: expect.stringContaining('"__typename":"Query"') });
  expect(await started.exited).toBe(0);
  expect(started.lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ service: 'partners', msg: 'request', requestId: 'slow-upload-1', status: 200 }),
      expect.objectContaining({ service: 'partners', msg: 'Stopped.' }),
    ]),
  );
}, 90_000);

it('the one-process launcher answers the request in flight after SIGTERM and exits 0', async () => {
  const ports = { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1', PARTNERS_PORT: '0', CHAINS_PORT: '0', BRIDGES_PORT: '0', INCIDENTS_PORT: '0' };
  const started = await start('launcher/dist/index.js', { ...ports, JUNCTION_DEVNET: 'false', CHAINS_SAMPLE_INTERVAL_MS: '0', BRIDGES_SAMPLE_INTERVAL_MS: '0' }, (line) =>
    line.service === 'launcher' && line.url ? line.url : undefined,
  );
  const upload = slowUpload(started.url, { 'x-request-id': 'slow-upload-2' });
  await terminateDuring(started, upload);
  const answer = await upload.answer;
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
  expect(await started.exited).toBe(0);
  expect(started.lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ service: 'gateway', msg: 'request', requestId: 'slow-upload-2', status: 200 }),
      expect.objectContaining({ service: 'launcher', msg: 'Stopped.' }),
    ]),
  );
}, 120_000);
