/**
 * Health benchmark: upstream RPC calls per 1,000 concurrent `chain { health }` queries through the gateway — one
 * process, and two replicas (two stacks) sharing Redis — and p50/p99 latency of a cached vs an uncached
 * `chains { health }` query. The uncached baseline runs through the same code with a cache whose clock jumps a
 * day per query, so every read goes to the chain.
 *
 * Run with `npm run bench:health` (builds first). Uses Redis when REDIS_URL is set (for the two-replica figure).
 */
import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { openStore } from '@junction/db';
import { startDevnet, type Devnet } from '@junction/devnet';
import { createStack, type Stack } from '@junction/launcher';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postGraphql } from './post-graphql';
import { UNLIMITED_RATE_LIMITS } from './unlimited-rate-limits';

const secret = randomBytes(32).toString('hex');
/** The bench measures reads, not the rate limiter: its bursts of anonymous queries must not be limited. */
const rateLimits = UNLIMITED_RATE_LIMITS;
const ONE_CHAIN = `{ chain(slug: "junction-devnet-l2a") { health { status headNumber observedAt } } }`;
const ALL_DEVNET = `{ chains(first: 10, filter: { search: "junction devnet" }) { nodes { slug health { status headNumber headAgeSeconds finalized { lagBlocks } gasPriceGwei endpoints { reachable latencyMs } } } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-bench-health-'));
  const devnet = await startDevnet();
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
  const schemas = { partners: `bh_partners`, chains: `bh_chains`, bridges: `bh_bridges`, incidents: `bh_incidents` };
  const suffix = randomBytes(3).toString('hex');
  const dbSchemas = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, `${v}_${suffix}`]));
  const stacks: Stack[] = [];
  try {
    const single = await createStack({ store, principalSecret: secret, sharedDevnet: devnet, dbSchemas, rateLimits });
    stacks.push(single);
    await query(single, ONE_CHAIN); // warm: clients, plans

    console.log('upstream RPC calls for 1,000 concurrent identical health queries (devnet L2A, through the gateway):');
    const singleCalls = await burst(devnet, [single], 1000);
    const perObservation = await uncachedObservationCalls(devnet, store, dbSchemas);
    console.log(`  one process, in-memory cache: ${describe(singleCalls)}`);
    console.log(`  baseline without a cache: ${perObservation.total} calls per query x 1000 = ${perObservation.total * 1000}`);
    console.log(`  ratio = ${(singleCalls.total / (perObservation.total * 1000)).toFixed(5)}`);

    if (process.env.REDIS_URL) {
      const replicas = [];
      for (let index = 0; index < 2; index++) {
        replicas.push(await createStack({ store, principalSecret: secret, sharedDevnet: devnet, dbSchemas, redisUrl: process.env.REDIS_URL, rateLimits }));
      }
      stacks.push(...replicas);
      for (const replica of replicas) await query(replica, ONE_CHAIN);
      const shared = await burst(devnet, replicas, 1000);
      console.log(`  two replicas sharing Redis (500 queries each): ${describe(shared)}`);
    } else {
      console.log('  two replicas sharing Redis: skipped (set REDIS_URL)');
    }

    console.log('latency of chains { health } for the 3 devnet chains through the gateway (200 queries each):');
    const cached = await latencies(single, 200);
    const uncachedStack = await createStack({
      store,
      principalSecret: secret,
      sharedDevnet: devnet,
      dbSchemas,
      cache: new ReadThroughCache({ backend: createMemoryBackend(), now: skippingClock() }),
      rateLimits,
    });
    stacks.push(uncachedStack);
    const uncached = await latencies(uncachedStack, 200);
    console.log(`  cached:   p50 ${cached.p50.toFixed(2)} ms, p99 ${cached.p99.toFixed(2)} ms`);
    console.log(`  uncached: p50 ${uncached.p50.toFixed(2)} ms, p99 ${uncached.p99.toFixed(2)} ms`);
    console.log(`  ratio cached/uncached: p50 ${(cached.p50 / uncached.p50).toFixed(3)}, p99 ${(cached.p99 / uncached.p99).toFixed(3)}`);
  } finally {
    for (const stack of stacks.reverse()) await stack.close();
    if (process.env.DATABASE_URL) await dropSchemas(store, Object.values(dbSchemas));
    await store.close();
    await devnet.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sends `total` identical health queries at once, spread over `stacks`, after the cached value has expired. */
async function burst(devnet: Devnet, stacks: Stack[], total: number) {
  await sleep(5_500); // past L2A's freshness (1 s) and revalidation (4 s) windows
  for (const proxy of devnet.chains.l2a.endpoints) proxy.reset();
  const answers = await Promise.all(Array.from({ length: total }, (_, index) => query(stacks[index % stacks.length], ONE_CHAIN)));
  const observedAt = new Set(answers.map((answer) => answer.chain.health.observedAt));
  const byMethod: Record<string, number> = {};
  for (const proxy of devnet.chains.l2a.endpoints) {
    for (const [method, count] of Object.entries(proxy.calls())) if (method !== '__requests') byMethod[method] = (byMethod[method] ?? 0) + count;
  }
  return { byMethod, total: Object.values(byMethod).reduce((a, b) => a + b, 0), observations: observedAt.size };
}

/** JSON-RPC calls one observation of L2A costs when nothing is cached. */
async function uncachedObservationCalls(devnet: Devnet, store: Awaited<ReturnType<typeof openStore>>, dbSchemas: Record<string, string>) {
  const stack = await createStack({
    store,
    principalSecret: secret,
    sharedDevnet: devnet,
    dbSchemas,
    cache: new ReadThroughCache({ backend: createMemoryBackend(), now: skippingClock() }),
  });
  try {
    await query(stack, ONE_CHAIN);
    for (const proxy of devnet.chains.l2a.endpoints) proxy.reset();
    await query(stack, ONE_CHAIN);
    const byMethod: Record<string, number> = {};
    for (const proxy of devnet.chains.l2a.endpoints) {
      for (const [method, count] of Object.entries(proxy.calls())) if (method !== '__requests') byMethod[method] = (byMethod[method] ?? 0) + count;
    }
    return { byMethod, total: Object.values(byMethod).reduce((a, b) => a + b, 0) };
  } finally {
    await stack.close();
  }
}

function describe({ byMethod, total, observations }: { byMethod: Record<string, number>; total: number; observations: number }): string {
  return `${total} calls (${Object.entries(byMethod).map(([m, c]) => `${m} ${c}`).join(', ')}), ${observations} observation(s) served`;
}

async function latencies(stack: Stack, runs: number) {
  for (let i = 0; i < 10; i++) await query(stack, ALL_DEVNET);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await query(stack, ALL_DEVNET);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs * 0.5)], p99: times[Math.min(runs - 1, Math.floor(runs * 0.99))] };
}

/** A clock that moves a day forward on every reading, so every cache read is a miss. */
function skippingClock(): () => number {
  let offset = 0;
  return () => {
    offset += 86_400_000;
    return Date.now() + offset;
  };
}

/** Asks the stack's gateway, anonymously. */
function query(stack: Stack, text: string): Promise<any> {
  return postGraphql(stack.urls.gateway, text);
}

async function dropSchemas(store: Awaited<ReturnType<typeof openStore>>, names: string[]): Promise<void> {
  const { DataSource } = await import('typeorm');
  const admin = new DataSource({ ...(store.connectionOptions as object), type: 'postgres' });
  await admin.initialize();
  for (const name of names) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await admin.destroy();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
