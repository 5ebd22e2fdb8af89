/**
 * Subscription fan-out benchmark: N WebSocket clients of one partner subscribe to `incidentEvents` (each event
 * resolved across the incidents, chains and partners subgraphs), then incidents are opened one at a time. For each
 * event it records when every client received it, and the process's CPU per event. It runs twice in the same
 * process over the same subgraphs: through the stack's gateway (shared subscriptions: one upstream subscription per
 * operation and view) and through a second gateway with `shareSubscriptions: false` (one upstream subscription and
 * one execution per client), the baseline. Prints latency to the last client, CPU per event, resident memory and
 * upstream subscriptions for both, and the ratios.
 *
 * Run with `npm run bench:subscriptions` (builds first). BENCH_SUBSCRIBERS (default 500) and BENCH_EVENTS (default
 * 20) change the run. Uses PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 */
import { seedId } from '@junction/federation';
import { createGateway, type Gateway } from '@junction/gateway';
import { createStack, type Stack } from '@junction/launcher';
import { createClient, type Client } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createBenchKey } from './create-bench-key';
import { postGraphql as post } from './post-graphql';
import { UNLIMITED_RATE_LIMITS } from './unlimited-rate-limits';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20);
/** Keys the clients connect with, all of one partner (so all have one view). */
const KEYS = 20;
const secret = randomBytes(32).toString('hex');
const SUBSCRIPTION = `subscription { incidentEvents { kind incident { title severity chains { name } partners { name } } } }`;
const LIMITS = { PUBLIC: 100_000, PARTNER: 100_000, OPERATOR: 100_000, ADMIN: 100_000 };

interface Run {
  /** ms from sending the mutation to the last client receiving its event, per event. */
  lastDelivery: number[];
  /** ms from sending the mutation to each client receiving its event, over every event. */
  everyDelivery: number[];
  cpuMsPerEvent: number;
  rssMb: number;
  upstream: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-bench-subscriptions-'));
  const suffix = randomBytes(3).toString('hex');
  const dbSchemas = { partners: `bs_partners_${suffix}`, chains: `bs_chains_${suffix}`, bridges: `bs_bridges_${suffix}`, incidents: `bs_incidents_${suffix}` };
  const stack = await createStack({
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    principalSecret: secret,
    dbSchemas,
    rateLimits: UNLIMITED_RATE_LIMITS,
    subscriptionLimits: LIMITS,
  });
  const unshared = createGateway(
    {
      supergraphPath: path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
      subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
      principalSecret: secret,
      logLevel: 'error',
      rateLimits: UNLIMITED_RATE_LIMITS,
      subscriptionLimits: LIMITS,
      shareSubscriptions: false,
    },
    { events: stack.events },
  );
  try {
    const unsharedUrl = await unshared.listen(0, '127.0.0.1');
    const operator = await createKey(stack, { name: 'bench operator', role: 'OPERATOR' });
    const partnerKeys: string[] = [];
    for (let index = 0; index < KEYS; index++) partnerKeys.push(await createKey(stack, { name: `bench ${index}`, role: 'PARTNER', partnerId: seedId('partner', 'alchemy') }));

    console.log(`incidentEvents fan-out: ${SUBSCRIBERS} WebSocket clients of one partner (${KEYS} keys), ${EVENTS} events, each resolved across three subgraphs`);
    const shared = await run(stack.urls.gateway, stack.gateway, stack, partnerKeys, operator);
    const baseline = await run(unsharedUrl, unshared, stack, partnerKeys, operator);

    console.log('');
    console.log('gateway                    last client p50 ms   p99 ms   every client p99 ms   CPU ms/event   RSS MB   upstream subscriptions');
    for (const [name, result] of [['shared (Junction)', shared], ['one per client (baseline)', baseline]] as const) {
      console.log(
        `${name.padEnd(26)} ${percentile(result.lastDelivery, 50).toFixed(1).padStart(19)} ${percentile(result.lastDelivery, 99).toFixed(1).padStart(8)} ${percentile(result.everyDelivery, 99).toFixed(1).padStart(21)} ${result.cpuMsPerEvent.toFixed(1).padStart(14)} ${result.rssMb.toFixed(0).padStart(8)} ${String(result.upstream).padStart(24)}`,
      );
    }
    console.log('');
    console.log(`p99 to the last client, shared / baseline:  ${(percentile(shared.lastDelivery, 99) / percentile(baseline.lastDelivery, 99)).toFixed(3)}`);
    console.log(`CPU per event, shared / baseline:            ${(shared.cpuMsPerEvent / baseline.cpuMsPerEvent).toFixed(3)}`);
  } finally {
    await unshared.close();
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Subscribes every client through `url`, opens EVENTS incidents one after another, and times their delivery. */
async function run(url: string, gateway: Gateway, stack: Stack, partnerKeys: string[], operator: string): Promise<Run> {
  const arrivals = new Map<string, number[]>();
  const clients: Client[] = [];
  let received = 0;
  let onReceived = () => {};
  try {
    await Promise.all(
      Array.from({ length: SUBSCRIBERS }, (_, index) => {
        const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${partnerKeys[index % KEYS]}` }, lazy: false, retryAttempts: 0 });
        clients.push(client);
        return new Promise<void>((resolve, reject) => {
          client.on('connected', () => resolve());
          client.subscribe({ query: SUBSCRIPTION }, {
            next: (result) => {
              const title = (result.data as { incidentEvents?: { incident: { title: string } } } | undefined)?.incidentEvents?.incident.title;
              if (!title) return reject(new Error(`A client received ${JSON.stringify(result)}.`));
              const times = arrivals.get(title) ?? [];
              times.push(performance.now());
              arrivals.set(title, times);
              received += 1;
              onReceived();
            },
            error: reject,
            complete: () => {},
          });
        });
      }),
    );
    await waitFor(() => gateway.subscriptionLimit.openSubscriptions() === SUBSCRIBERS, 'every subscription to open');
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the upstream subscriptions reach the subgraph
    const upstream = gateway.sharedSubscriptions.upstreamSubscriptions();
    await openIncident(stack.urls.gateway, operator, 'warm-up'); // plans, connections
    await waitFor(() => (arrivals.get('warm-up')?.length ?? 0) === SUBSCRIBERS, 'the warm-up event');

    const lastDelivery: number[] = [];
    const everyDelivery: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let event = 0; event < EVENTS; event++) {
      const title = `bench event ${event} ${randomBytes(3).toString('hex')}`;
      const sentAt = performance.now();
      const expected = received + SUBSCRIBERS;
      await openIncident(stack.urls.gateway, operator, title);
      await new Promise<void>((resolve) => {
        onReceived = () => received >= expected && resolve();
        onReceived();
      });
      const times = arrivals.get(title)!.map((at) => at - sentAt);
      lastDelivery.push(Math.max(...times));
      everyDelivery.push(...times);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { lastDelivery, everyDelivery, cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / EVENTS, rssMb: process.memoryUsage().rss / 2 ** 20, upstream };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await waitFor(() => gateway.subscriptionLimit.openSubscriptions() === 0, 'every subscription to close');
  }
}

async function openIncident(gatewayUrl: string, operator: string, title: string): Promise<void> {
  await post(
    gatewayUrl,
    `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`,
    {
      input: {
        title,
        summary: 'Opened by the subscription benchmark.',
        kind: 'FINALITY_DELAY',
        severity: 'SEV3',
        visibility: 'PUBLIC',
        chainIds: [seedId('chain', 'base')],
        partnerIds: [seedId('partner', 'alchemy')],
        detectedBy: { source: 'PERSON', reporterName: 'subscription benchmark' },
      },
    },
    { authorization: `Bearer ${operator}` },
  );
}

const createKey = (stack: Stack, input: Parameters<typeof createBenchKey>[2]) => createBenchKey(stack.urls.partners, secret, input);

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
