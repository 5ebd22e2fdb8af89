import type { Stack } from '@junction/launcher';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApiKey, startTestStack, type TestStack } from './test-stack';
import { seedId } from '@junction/federation';

// The notebook example (examples/chain_metrics_to_csv.py, standard library only) against the devnet stack, with
// health samples taken by the sampler as `npm start` takes them.

let testStack: TestStack;
let stack: Stack;
/** A notebook's key: a partner's, which carries metrics:read by default. */
let apiKey: string;
const csvPath = path.join(tmpdir(), `junction-metrics-${process.pid}.csv`);

beforeAll(async () => {
  testStack = await startTestStack({ devnet: true, sampler: { intervalMs: 0, chainFilter: (chain) => chain.slug.startsWith('junction-devnet-') } });
  stack = testStack.stack;
  apiKey = (await createApiKey(stack, { name: 'notebook', role: 'PARTNER', partnerId: seedId('partner', 'offchain-labs') })).secret;
  const sampler = stack.services.chains.sampler!;
  for (let run = 0; run < 4; run++) {
    await sampler.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }
}, 60_000);

afterAll(async () => {
  await testStack.close();
  rmSync(csvPath, { force: true });
});

describe('examples/chain_metrics_to_csv.py', () => {
  it('pulls a metric series through the gateway and writes CSV', async () => {
    const now = Date.now();
    const script = path.resolve(__dirname, '..', 'examples', 'chain_metrics_to_csv.py');
    const { stderr } = await promisify(execFile)(
      'python3',
      [
        '-I', script, '--url', stack.urls.gateway, '--chain', 'junction-devnet-l2a', '--metric', 'HEAD_AGE_SECONDS',
        '--from', new Date(now - 10 * 60_000).toISOString(), '--to', new Date(now + 60_000).toISOString(), '--bucket', 'ONE_MINUTE', '--out', csvPath,
      ],
      { timeout: 30_000, env: { ...process.env, JUNCTION_API_KEY: apiKey } },
    );
    const [header, ...rows] = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
    expect(header).toBe('bucket_start,avg,min,max,p95,count');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const counts = rows.map((row) => Number(row.split(',')[5]));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const [bucketStart, avg, min, max] = row.split(',');
      expect(Number.isNaN(Date.parse(bucketStart))).toBe(false);
      expect(Number(min)).toBeLessThanOrEqual(Number(avg));
      expect(Number(avg)).toBeLessThanOrEqual(Number(max));
    }
    expect(stderr).toContain(`wrote ${rows.length} rows`);
  });

  it('tells the user that metrics need a key when none is given', async () => {
    const script = path.resolve(__dirname, '..', 'examples', 'chain_metrics_to_csv.py');
    const env = { ...process.env };
    delete env.JUNCTION_API_KEY;
    const run = promisify(execFile)('python3', ['-I', script, '--url', stack.urls.gateway, '--chain', 'junction-devnet-l2a', '--metric', 'HEAD_AGE_SECONDS', '--from', '2026-01-01T00:00:00Z', '--to', '2026-01-02T00:00:00Z'], { env });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: 'Junction refused the request: Chain.metrics needs an API key; send one as "Authorization: Bearer <key>". (UNAUTHENTICATED)\n' });
  });

  it('tells the user what Junction refused, without a traceback', async () => {
    const script = path.resolve(__dirname, '..', 'examples', 'chain_metrics_to_csv.py');
    const run = promisify(execFile)('python3', ['-I', script, '--url', stack.urls.gateway, '--chain', 'junction-devnet-l2a', '--metric', 'NOT_A_METRIC', '--from', '2026-01-01T00:00:00Z', '--to', '2026-01-02T00:00:00Z'], {
      env: { ...process.env, JUNCTION_API_KEY: apiKey },
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: 'Junction refused the request: Variable "$metric" got invalid value "NOT_A_METRIC"; Value "NOT_A_METRIC" does not exist in "ChainMetric" enum.\n' });
  });
});
