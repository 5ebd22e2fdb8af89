/**
 * Foundation benchmark: start-up time to the first successful federated query (first start on an empty data
 * directory, then a restart on the same one), resident memory at idle (the whole one-process stack, and the
 * gateway alone in its own process), and SQL statements per federated list query as the list grows.
 *
 * Run with `npm run bench` (builds first). Prints figures and ratios; asserts nothing.
 */
import { createStack } from '@junction/launcher';
import { addBenchChains } from './bench-chains';
import { postGraphql as query } from './post-graphql';
import { UNLIMITED_RATE_LIMITS } from './unlimited-rate-limits';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const secret = randomBytes(32).toString('hex');
const FEDERATED_QUERY = `{ chains(first: 50) { nodes { name owners { component partner { name } } bridges { name } incidents(open: true) { title severity } } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-bench-'));
  try {
    const first = await timeToFirstQuery(dataDir);
    const restart = await timeToFirstQuery(dataDir);
    console.log('start-up to first federated query (npm start path, embedded PGlite):');
    console.log(`  first start (empty data dir): ${first.seconds.toFixed(2)} s`);
    console.log(`  restart (same data dir):      ${restart.seconds.toFixed(2)} s   ratio restart/first = ${(restart.seconds / first.seconds).toFixed(2)}`);
    console.log(`  whole process RSS at idle:    ${restart.idleRssMb.toFixed(0)} MB (first start: ${first.idleRssMb.toFixed(0)} MB)`);
    console.log(`  gateway alone, RSS at idle:   ${restart.gatewayRssMb.toFixed(0)} MB`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await statementsPerQuery();
}

interface StartFigures {
  seconds: number;
  idleRssMb: number;
  gatewayRssMb: number;
}

/** Starts `node launcher/dist/index.js` and polls the gateway until the federated query succeeds. */
async function timeToFirstQuery(dataDir: string): Promise<StartFigures> {
  const ports = { GATEWAY_PORT: '14000', PARTNERS_PORT: '14001', CHAINS_PORT: '14002', BRIDGES_PORT: '14003', INCIDENTS_PORT: '14004' };
  const started = performance.now();
  const launcher = spawn(process.execPath, [path.join(root, 'launcher/dist/index.js')], {
    env: { ...process.env, ...ports, DATABASE_URL: '', JUNCTION_DATA_DIR: dataDir, GATEWAY_HOST: '127.0.0.1', JUNCTION_PRINCIPAL_SECRET: secret, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => launcher.once('exit', (code) => reject(new Error(`The launcher exited with code ${code}.`))));
  exited.catch(() => undefined);
  try {
    await Promise.race([until(async () => (await query('http://127.0.0.1:14000/graphql', FEDERATED_QUERY)).chains.nodes.length > 0, 120_000), exited]);
    const seconds = (performance.now() - started) / 1000;
    await sleep(2000);
    const idleRssMb = rssMb(launcher);
    const gateway = spawn(process.execPath, [path.join(root, 'gateway/dist/index.js')], {
      env: {
        ...process.env,
        GATEWAY_PORT: '14100',
        GATEWAY_HOST: '127.0.0.1',
        JUNCTION_PRINCIPAL_SECRET: secret,
        LOG_LEVEL: 'error',
        PARTNERS_URL: 'http://127.0.0.1:14001/graphql',
        CHAINS_URL: 'http://127.0.0.1:14002/graphql',
        BRIDGES_URL: 'http://127.0.0.1:14003/graphql',
        INCIDENTS_URL: 'http://127.0.0.1:14004/graphql',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      await until(async () => (await query('http://127.0.0.1:14100/graphql', FEDERATED_QUERY)).chains.nodes.length > 0, 60_000);
      await sleep(2000);
      return { seconds, idleRssMb, gatewayRssMb: rssMb(gateway) };
    } finally {
      await stop(gateway);
    }
  } finally {
    await stop(launcher);
  }
}

/** SQL statements per subgraph for the federated list query at 12 chains and at 50. */
async function statementsPerQuery(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-bench-sql-'));
  // ~900 anonymous queries in a row: past the default rate limit, which this bench does not measure.
  const stack = await createStack({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined, principalSecret: secret, dbSchemas: schemas(), rateLimits: UNLIMITED_RATE_LIMITS });
  try {
    const counts = async () => {
      for (const service of Object.values(stack.services)) service.db.queries.reset();
      const data = await query(stack.urls.gateway, FEDERATED_QUERY);
      const perService = Object.fromEntries(Object.entries(stack.services).map(([name, service]) => [name, service.db.queries.count]));
      return { chains: data.chains.nodes.length as number, perService, total: Object.values(perService).reduce((a, b) => a + b, 0) };
    };
    const small = await counts();
    await addBenchChains({ chainsUrl: stack.urls.chains, secret, from: small.chains, to: 50 });
    const large = await counts();
    // Baseline, run here too: the same data fetched chain by chain, as a client without the list query would.
    const ids = (await query(stack.urls.gateway, `{ chains(first: 50) { nodes { id } } }`)).chains.nodes.map((node: { id: string }) => node.id);
    const ONE = `query ($id: ID!) { chain(id: $id) { name owners { component partner { name } } bridges { name } incidents(open: true) { title severity } } }`;
    for (const service of Object.values(stack.services)) service.db.queries.reset();
    for (const id of ids) await query(stack.urls.gateway, ONE, { id });
    const perChainTotal = Object.values(stack.services).reduce((sum, service) => sum + service.db.queries.count, 0);
    const listMs = await medianMs(() => query(stack.urls.gateway, FEDERATED_QUERY));
    const perChainMs = await medianMs(async () => {
      for (const id of ids) await query(stack.urls.gateway, ONE, { id });
    });
    console.log('SQL statements for chains(first: 50) { owners, bridges, incidents(open: true) } through the gateway:');
    console.log(`  ${small.chains} chains: ${small.total} statements ${JSON.stringify(small.perService)}`);
    console.log(`  ${large.chains} chains: ${large.total} statements ${JSON.stringify(large.perService)}`);
    console.log(`  baseline, the same data chain by chain (${ids.length} queries): ${perChainTotal} statements`);
    console.log(`  ratio list/baseline: statements ${(large.total / perChainTotal).toFixed(3)}, latency ${listMs.toFixed(1)} ms vs ${perChainMs.toFixed(1)} ms = ${(listMs / perChainMs).toFixed(3)}`);
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Median wall time of `run` over 15 runs, after 3 warm-up runs. */
async function medianMs(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function schemas() {
  const suffix = randomBytes(3).toString('hex');
  return { partners: `bench_partners_${suffix}`, chains: `bench_chains_${suffix}`, bridges: `bench_bridges_${suffix}`, incidents: `bench_incidents_${suffix}` };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Not ready after ${timeoutMs} ms.`);
    await sleep(50);
  }
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
