/**
 * Peer benchmark: the "partner dashboard" query (20 chains with owners, bridges and open incidents — all four
 * subgraphs) through Junction's gateway, the bare Hive runtime and `@apollo/gateway`, over the same running
 * subgraphs, each gateway in its own process pinned to the same core, in interleaved rounds, with a distinct API
 * key per request (cycling through a pool of partner keys). A gateway is stopped (SIGSTOP) outside its own rounds.
 * The subgraphs run in this process and the load generator in its own, both pinned to the other core. Prints
 * throughput, p99 latency, CPU per request and resident memory per gateway, and the ratios the issue sets as targets.
 *
 * Run with `npm run bench:peers` (builds first). Uses PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 * BENCH_KINDS, BENCH_ROUNDS, BENCH_SECONDS, BENCH_CONNECTIONS and BENCH_KEYS change the run; BENCH_CPU_PROF_DIR
 * makes each gateway write a CPU profile there.
 */
import { DEFAULT_SCOPES, signPrincipal, type Principal } from '@junction/federation';
import { createStack, type Stack } from '@junction/launcher';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addBenchChains } from './bench-chains';
import type { LoadJob, LoadResult } from './peers/load-generator';
import { createBenchKey } from './create-bench-key';
import { postGraphql as post } from './post-graphql';
import { UNLIMITED_RATE_LIMITS } from './unlimited-rate-limits';

const secret = randomBytes(32).toString('hex');
const SUPERGRAPH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const DASHBOARD = `query PartnerDashboard { chains(first: 20) { nodes { name chainId owners { component partner { name } } bridges { name provider } incidents(open: true) { title severity status } } } }`;
const KINDS = (process.env.BENCH_KINDS ?? 'apollo,hive,hive-shared,junction,junction-cached').split(',') as Kind[];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
/** Where each gateway process writes a V8 CPU profile when it exits (`--cpu-prof`), if set. */
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;

type Kind = 'junction' | 'junction-cached' | 'hive' | 'hive-shared' | 'apollo';

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  /** CPU of this process (the subgraphs and, when embedded, their database) and of the load generator, per request. */
  stackCpuMsPerRequest: number;
  rssMb: number;
  failures: number;
}

async function main(): Promise<void> {
  pin(process.pid, 0);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-bench-peers-'));
  const suffix = randomBytes(3).toString('hex');
  const dbSchemas = { partners: `bp_partners_${suffix}`, chains: `bp_chains_${suffix}`, bridges: `bp_bridges_${suffix}`, incidents: `bp_incidents_${suffix}` };
  const stack = await createStack({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined, principalSecret: secret, dbSchemas, rateLimits: UNLIMITED_RATE_LIMITS });
  const children: ChildProcess[] = [];
  try {
    await fillTo20Chains(stack);
    const keys = await partnerKeys(stack, KEYS);
    const subgraphUrls = { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents };
    const gateways = new Map<Kind, { url: string; pid: number }>();
    for (const [index, kind] of KINDS.entries()) {
      const child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []), path.join(__dirname, 'peers', 'peer-gateway.js'), kind], {
        env: { ...process.env, SUPERGRAPH_PATH: SUPERGRAPH, SUBGRAPH_URLS: JSON.stringify(subgraphUrls), PRINCIPAL_SECRET: secret, PORT: String(4500 + index) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const url = await readyUrl(child, kind);
      pin(child.pid!, 1);
      await expectDashboard(url, keys[0], kind);
      gateways.set(kind, { url, pid: child.pid! });
      // Stopped until its rounds, so its timers and idle-time garbage collection do not take another gateway's core.
      child.kill('SIGSTOP');
    }

    console.log(`partner dashboard (20 chains, all four subgraphs), ${CONNECTIONS} connections, ${SECONDS} s per round, ${ROUNDS} interleaved rounds, ${keys.length} distinct keys cycled per request`);
    console.log('each gateway pinned to core 1 and stopped outside its rounds; subgraphs and the load generator (two processes) on core 0 (their CPU is "stack CPU")');
    const rounds = new Map<Kind, Round[]>(KINDS.map((kind) => [kind, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...KINDS.slice(round % KINDS.length), ...KINDS.slice(0, round % KINDS.length)];
      for (const kind of order) {
        const { url, pid } = gateways.get(kind)!;
        process.kill(pid, 'SIGCONT');
        // Warm: plans, connections, and the key cache, which must have seen every key (as it has in a steady state).
        await load(url, keys, { amount: Math.max(keys.length, 200) });
        rounds.get(kind)!.push(await measure(url, pid, keys));
        process.kill(pid, 'SIGSTOP');
      }
    }

    const summary = new Map<Kind, Round>();
    for (const [kind, results] of rounds) summary.set(kind, medianRound(results));
    console.log('');
    console.log('gateway           req/s    p50 ms   p99 ms   CPU ms/req   RSS MB   failures   stack CPU ms/req');
    for (const [kind, result] of summary) {
      console.log(
        `${kind.padEnd(16)} ${result.requestsPerSecond.toFixed(0).padStart(6)} ${result.p50.toFixed(1).padStart(9)} ${result.p99.toFixed(1).padStart(8)} ${result.cpuMsPerRequest.toFixed(2).padStart(12)} ${result.rssMb.toFixed(0).padStart(8)} ${String(result.failures).padStart(10)} ${result.stackCpuMsPerRequest.toFixed(2).padStart(18)}`,
      );
    }
    const ratio = (a: Kind, b: Kind, field: keyof Round) => {
      const x = summary.get(a)?.[field];
      const y = summary.get(b)?.[field];
      return x !== undefined && y !== undefined && y !== 0 ? (x / y).toFixed(2) : 'n/a';
    };
    console.log('');
    console.log(`throughput junction / apollo:          ${ratio('junction', 'apollo', 'requestsPerSecond')}x   (target >= 1.5)`);
    console.log(`p99 junction / apollo:                 ${ratio('junction', 'apollo', 'p99')}    (target <= 0.67)`);
    console.log(`throughput junction-cached / apollo:   ${ratio('junction-cached', 'apollo', 'requestsPerSecond')}x   (target >= 10)`);
    console.log(`throughput junction / bare hive:       ${ratio('junction', 'hive', 'requestsPerSecond')}x   (target >= 0.90)`);
    console.log(`throughput junction / hive-shared:     ${ratio('junction', 'hive-shared', 'requestsPerSecond')}x   (every caller's fetches merged)`);
    console.log(`CPU per request junction / apollo:     ${ratio('junction', 'apollo', 'cpuMsPerRequest')}`);
    console.log(`CPU per request junction / bare hive:  ${ratio('junction', 'hive', 'cpuMsPerRequest')}`);
  } finally {
    // The gateways go first, so none is still asking the subgraphs while the stack closes.
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(undefined);
            child.once('exit', resolve);
            child.kill('SIGCONT');
            child.kill('SIGTERM');
          }),
      ),
    );
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One measured round: throughput and latency from autocannon, CPU and memory of the gateway process from /proc. */
async function measure(url: string, pid: number, keys: string[]): Promise<Round> {
  const cpuBefore = cpuMs(pid);
  const stackBefore = process.cpuUsage();
  const result = await load(url, keys, { duration: SECONDS });
  const cpu = cpuMs(pid) - cpuBefore;
  const stack = process.cpuUsage(stackBefore);
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: cpu / requests,
    stackCpuMsPerRequest: ((stack.user + stack.system) / 1000 + result.cpuMs) / requests,
    rssMb: rssMb(pid),
    failures: result.failures,
  };
}

/**
 * Load for `duration` seconds or `amount` requests, each request presenting the next key of the pool, from the load
 * generator's own process (pinned to core 0, beside the subgraphs).
 */
function load(url: string, keys: string[], length: LoadJob['length']): Promise<LoadResult> {
  const job: LoadJob = { url, body: JSON.stringify({ query: DASHBOARD }), keys, connections: CONNECTIONS, length };
  const child = spawn(process.execPath, [path.join(__dirname, 'peers', 'load-generator.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  pin(child.pid!, 0);
  child.stdin!.end(JSON.stringify(job));
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`The load generator exited with ${code}.`))));
  });
}

/** The catalogue's real chains plus bench rollups, so the dashboard lists 20. */
async function fillTo20Chains(stack: Stack): Promise<void> {
  const list = await post(stack.urls.chains, `{ chains(first: 100) { nodes { id } } }`, {}, signPrincipal({ role: 'OPERATOR' }, { secret }));
  await addBenchChains({ chainsUrl: stack.urls.chains, secret, from: list.chains.nodes.length, to: 20 });
}

/** `count` partner keys spread over the seeded partners, created at the partners subgraph as an admin would. */
async function partnerKeys(stack: Stack, count: number): Promise<string[]> {
  const admin: Principal = { role: 'ADMIN', scopes: DEFAULT_SCOPES.ADMIN };
  const partners = (await post(stack.urls.partners, `{ partners(first: 100) { nodes { id } } }`, {}, signPrincipal(admin, { secret }))).partners.nodes as Array<{ id: string }>;
  const keys: string[] = [];
  for (let index = 0; index < count; index++) {
    keys.push(await createBenchKey(stack.urls.partners, secret, { name: `bench ${index}`, role: 'PARTNER', partnerId: partners[index % partners.length].id }));
  }
  return keys;
}

async function expectDashboard(url: string, key: string, kind: Kind): Promise<void> {
  const data = await post(url, DASHBOARD, {}, { authorization: `Bearer ${key}` });
  if (data.chains.nodes.length !== 20) throw new Error(`${kind} answered ${data.chains.nodes.length} chains, not 20.`);
}

function readyUrl(child: ChildProcess, kind: Kind): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const match = /ready (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The ${kind} gateway exited with ${code} before it was ready.`)));
  });
}

/** Pins a process to one core with taskset, where the machine has it. */
function pin(pid: number, core: number): void {
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
  } catch {
    console.warn(`could not pin process ${pid} to core ${core} (is taskset installed?); figures will be noisier`);
  }
}

/** User + system CPU time of a process so far, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : Number.NaN;
}

function medianRound(results: Round[]): Round {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    cpuMsPerRequest: median(results.map((r) => r.cpuMsPerRequest)),
    stackCpuMsPerRequest: median(results.map((r) => r.stackCpuMsPerRequest)),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
