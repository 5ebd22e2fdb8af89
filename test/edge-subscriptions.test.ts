import { seedId } from '@junction/federation';
import { createGateway, type Gateway } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { graphqlRequest, TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sampleValue, scrape } from './prometheus-text';
import { eventually, openEventStream, openSocket, subscribeOverSocket, type Feed, type Result, type TestSocket } from './subscription-clients';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// `Subscription.incidentEvents` through the gateway, over WebSocket (graphql-ws) and SSE: events carry incidents
// resolved across subgraphs, each subscriber sees only what its key may see, and each key holds a capped number.

const PARTNER_CAP = 2;
const ALCHEMY = seedId('partner', 'alchemy');
const OP_LABS = seedId('partner', 'op-labs');

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let operatorKey: string;
const keys = {} as Record<'alchemy' | 'opLabs' | 'capped', { id: string; secret: string }>;
const sockets: TestSocket[] = [];
const feeds: Feed[] = [];

beforeAll(async () => {
  testStack = await startTestStack({ subscriptionLimits: { PARTNER: PARTNER_CAP, PUBLIC: 1 }, rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } } });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  operatorKey = (await createApiKey(stack, { name: 'subscription tests', role: 'OPERATOR' })).secret;
  keys.alchemy = await createApiKey(stack, { name: 'subscription tests', role: 'PARTNER', partnerId: ALCHEMY });
  keys.opLabs = await createApiKey(stack, { name: 'subscription tests', role: 'PARTNER', partnerId: OP_LABS });
  keys.capped = await createApiKey(stack, { name: 'subscription cap tests', role: 'PARTNER', partnerId: ALCHEMY });
});

afterAll(async () => {
  for (const feed of feeds) await feed.stop();
  for (const socket of sockets) await socket.close();
  await testStack.close();
});

const EVENTS = `subscription Events($filter: IncidentEventFilter) {
  incidentEvents(filter: $filter) { kind sequence incident { title visibility chains { name } partners { name } } }
}`;

/** A socket for `key`, closed after the file. */
function socketFor(key: string | undefined, url = gateway): TestSocket {
  const socket = openSocket(url, key ? { Authorization: `Bearer ${key}` } : undefined);
  sockets.push(socket);
  return socket;
}

/** `incidentEvents` over a WebSocket as `key`, stopped after the file. */
function subscribeWs(key: string | undefined, variables: Record<string, unknown> = {}): Feed {
  const feed = subscribeOverSocket(socketFor(key), EVENTS, variables);
  feeds.push(feed);
  return feed;
}

/** `incidentEvents` over SSE as `key`, stopped after the file. */
async function subscribeSse(key: string | undefined, variables: Record<string, unknown> = {}, url = gateway) {
  const stream = await openEventStream(url, EVENTS, variables, key ? bearer(key) : {});
  feeds.push(stream);
  return stream;
}

/** Lets subscriptions just opened reach the incidents subgraph before events are published. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** Opens an incident through the gateway as the operator; returns its id. */
async function openIncident(title: string, visibility: 'PUBLIC' | 'PARTNERS' | 'INTERNAL', partnerIds: string[] = [], severity: 'SEV1' | 'SEV3' = 'SEV3'): Promise<string> {
  const response = await graphqlRequest(
    gateway,
    `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`,
    {
      input: {
        title,
        summary: 'Opened by the subscription tests.',
        kind: 'FINALITY_DELAY',
        severity,
        visibility,
        chainIds: [seedId('chain', 'base')],
        partnerIds,
        detectedBy: { source: 'PERSON', reporterName: 'subscription tests' },
      },
    },
    bearer(operatorKey),
  );
  expect(response.errors).toBeUndefined();
  return response.data.createIncident.id as string;
}

const titleOf = (result: Result) => result.data?.incidentEvents.incident.title as string;

describe('incident events through the gateway', () => {
  it('delivers an incident opened and updated through the gateway to a partner over WebSocket and SSE, resolved across subgraphs', async () => {
    const overWs = subscribeWs(keys.alchemy.secret);
    const overSse = await subscribeSse(keys.alchemy.secret);
    expect(overSse.status).toBe(200);
    expect(overSse.headers.get('content-type')).toContain('text/event-stream');
    // Rate limit headers on the event stream too; never a cache header.
    expect(overSse.headers.get('x-ratelimit-limit')).toBe('600');
    expect(overSse.headers.get('x-junction-cache')).toBeNull();
    await settle();

    const id = await openIncident('Base finality delayed', 'PUBLIC');
    const opened = {
      data: {
        incidentEvents: {
          kind: 'OPENED',
          sequence: expect.any(Number),
          incident: { title: 'Base finality delayed', visibility: 'PUBLIC', chains: [{ name: 'Base' }], partners: [] },
        },
      },
    };
    expect(await overWs.next()).toEqual(opened);
    expect(await overSse.next()).toEqual(opened);

    const updated = await graphqlRequest(gateway, `mutation ($id: ID!) { updateIncident(id: $id, input: { title: "Base finality delayed (L1 congestion)" }) { id } }`, { id }, bearer(operatorKey));
    expect(updated.errors).toBeUndefined();
    for (const feed of [overWs, overSse]) {
      const event = await feed.next();
      expect(event.data?.incidentEvents).toMatchObject({ kind: 'UPDATED', incident: { title: 'Base finality delayed (L1 congestion)' } });
    }
    await overWs.stop();
    await overSse.stop();
  });

  it("never delivers another partner's PARTNERS incidents nor INTERNAL ones to a partner; operators get everything", async () => {
    const alchemy = subscribeWs(keys.alchemy.secret);
    const opLabs = await subscribeSse(keys.opLabs.secret);
    const operator = subscribeWs(operatorKey);
    await settle();

    await openIncident('Only for OP Labs', 'PARTNERS', [OP_LABS]);
    await openIncident('Internal only', 'INTERNAL');
    await openIncident('Only for Alchemy', 'PARTNERS', [ALCHEMY]);
    await openIncident('Everyone may know', 'PUBLIC');

    // Events arrive in order: what a partner was not sent was skipped, not delayed.
    expect([titleOf(await alchemy.next()), titleOf(await alchemy.next())]).toEqual(['Only for Alchemy', 'Everyone may know']);
    expect([titleOf(await opLabs.next()), titleOf(await opLabs.next())]).toEqual(['Only for OP Labs', 'Everyone may know']);
    const seen = [];
    for (let index = 0; index < 4; index += 1) seen.push(titleOf(await operator.next()));
    expect(seen).toEqual(['Only for OP Labs', 'Internal only', 'Only for Alchemy', 'Everyone may know']);
    // Nothing else is on its way to the partners.
    await expect(alchemy.next(500)).rejects.toThrow('No result within 500 ms.');
    await expect(opLabs.next(500)).rejects.toThrow('No result within 500 ms.');
    for (const feed of [alchemy, opLabs, operator]) await feed.stop();
  });

  it('serves SSE by GET too, with the CSRF header or a key a browser cannot send cross-site unasked', async () => {
    const query = new URLSearchParams({ query: EVENTS });
    const refused = await fetch(`${gateway}?${query}`, { headers: { accept: 'text/event-stream' } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('CSRF_HEADER_REQUIRED');
    const abort = new AbortController();
    const served = await fetch(`${gateway}?${query}`, { headers: { accept: 'text/event-stream', ...bearer(keys.alchemy.secret) }, signal: abort.signal });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('text/event-stream');
    abort.abort();
    // Anonymous, with the CSRF header instead of a key.
    const anonymous = new AbortController();
    const withHeader = await fetch(`${gateway}?${query}`, { headers: { accept: 'text/event-stream', 'x-graphql-csrf': '1' }, signal: anonymous.signal });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('content-type')).toContain('text/event-stream');
    anonymous.abort();
  });

  it('refuses a subscription body over the size limit before it starts', async () => {
    const padded = await openEventStream(gateway, EVENTS, { filter: { incidentIds: Array.from({ length: 20_000 }, (_, index) => `incident-${index}`) } }, bearer(keys.alchemy.secret));
    expect(padded.status).toBe(413);
    expect((await padded.next()).errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('passes the filter to the subgraph', async () => {
    const sev1Only = subscribeWs(keys.alchemy.secret, { filter: { severities: ['SEV1'] } });
    const all = subscribeWs(keys.opLabs.secret);
    await settle();
    await openIncident('A SEV3 the filter drops', 'PUBLIC');
    expect(titleOf(await all.next())).toBe('A SEV3 the filter drops');
    await openIncident('A SEV1 the filter keeps', 'PUBLIC', [], 'SEV1');
    expect(titleOf(await all.next())).toBe('A SEV1 the filter keeps');
    // Events arrive in order, so the SEV3 published first was dropped, not delayed.
    expect(titleOf(await sev1Only.next())).toBe('A SEV1 the filter keeps');
    await sev1Only.stop();
    await all.stop();
  });
});

describe('shared subscriptions', () => {
  const upstream = () => stack.gateway.sharedSubscriptions.upstreamSubscriptions();
  const atIncidents = () => stack.services.incidents.server.openSubscriptions;
  // A filter no other test subscribes with, so these subscribers share only with each other.
  const ONLY_OPENED = { filter: { kinds: ['OPENED'] } };

  it('serves clients with the same operation and view from one upstream subscription, and never shares across views', async () => {
    await eventually(() => upstream() === 0 && atIncidents() === 0, 'earlier subscriptions are gone');
    // Three clients of one partner with the same view (two keys, WebSocket and SSE), then another partner and an operator.
    const alchemyWs = subscribeWs(keys.alchemy.secret, ONLY_OPENED);
    const alchemySse = await subscribeSse(keys.alchemy.secret, ONLY_OPENED);
    const alchemyOtherKey = subscribeWs(keys.capped.secret, ONLY_OPENED);
    await eventually(() => stack.gateway.subscriptionLimit.openSubscriptions() === 3, 'the three clients are open');
    expect(upstream()).toBe(1);
    const opLabs = subscribeWs(keys.opLabs.secret, ONLY_OPENED);
    const operator = subscribeWs(operatorKey, ONLY_OPENED);
    await eventually(() => stack.gateway.subscriptionLimit.openSubscriptions() === 5, 'all five clients are open');
    await eventually(() => atIncidents() === 3, 'the incidents subgraph holds three streams');
    expect(upstream()).toBe(3);
    expect(sampleValue(await scrape(gateway), 'junction_upstream_subscriptions')).toBe(3);
    expect(sampleValue(await scrape(gateway), 'junction_open_subscriptions')).toBe(5);
    await settle();

    await openIncident('Shared: only for OP Labs', 'PARTNERS', [OP_LABS]);
    await openIncident('Shared: only for Alchemy', 'PARTNERS', [ALCHEMY]);
    await openIncident('Shared: internal', 'INTERNAL');
    await openIncident('Shared: public', 'PUBLIC');
    for (const feed of [alchemyWs, alchemySse, alchemyOtherKey]) {
      expect([titleOf(await feed.next()), titleOf(await feed.next())]).toEqual(['Shared: only for Alchemy', 'Shared: public']);
    }
    expect([titleOf(await opLabs.next()), titleOf(await opLabs.next())]).toEqual(['Shared: only for OP Labs', 'Shared: public']);
    const seen = [];
    for (let index = 0; index < 4; index += 1) seen.push(titleOf(await operator.next()));
    expect(seen).toEqual(['Shared: only for OP Labs', 'Shared: only for Alchemy', 'Shared: internal', 'Shared: public']);
    await expect(alchemySse.next(300)).rejects.toThrow('No result within 300 ms.');

    // The client that opened the shared subscription leaves: the others keep it.
    await alchemyWs.stop();
    await eventually(() => stack.gateway.subscriptionLimit.openSubscriptions() === 4, 'the first client is gone');
    expect(upstream()).toBe(3);
    await openIncident('Shared: after the first client left', 'PUBLIC');
    expect(titleOf(await alchemySse.next())).toBe('Shared: after the first client left');
    expect(titleOf(await alchemyOtherKey.next())).toBe('Shared: after the first client left');

    // The last client of a view leaving ends that upstream subscription, at the gateway and at the subgraph.
    await alchemySse.stop();
    await alchemyOtherKey.stop();
    await eventually(() => upstream() === 2 && atIncidents() === 2, "Alchemy's upstream subscription ends");
    for (const feed of [opLabs, operator]) {
      expect(titleOf(await feed.next())).toBe('Shared: after the first client left');
      await feed.stop();
    }
    await eventually(() => upstream() === 0 && atIncidents() === 0, 'every upstream subscription ends');
  });
});

describe('the cap on open subscriptions per principal', () => {
  const holder = () => `key:${keys.capped.id}`;
  const active = () => activeSubscriptions(stack.gateway, holder());
  const REFUSAL = `Subscription limit reached: a partner API key may hold ${PARTNER_CAP} open subscriptions at once on this gateway; close one of them before opening another.`;

  it('refuses one more subscription over WebSocket or SSE with SUBSCRIPTION_LIMIT_REACHED (429 over SSE), counting both together', async () => {
    const first = subscribeWs(keys.capped.secret);
    const second = await subscribeSse(keys.capped.secret);
    await eventually(() => active() === 2, 'both subscriptions count');
    const open = stack.gateway.subscriptionLimit.openSubscriptions();
    expect(open).toBeGreaterThanOrEqual(2);
    expect(sampleValue(await scrape(gateway), 'junction_open_subscriptions')).toBe(open);

    const overWs = subscribeWs(keys.capped.secret);
    expect(await overWs.next()).toEqual({ errors: [{ message: REFUSAL, extensions: { code: 'SUBSCRIPTION_LIMIT_REACHED' } }] });
    await overWs.completed;

    const overSse = await subscribeSse(keys.capped.secret);
    expect(overSse.status).toBe(429);
    expect(await overSse.next()).toEqual({ errors: [{ message: REFUSAL, extensions: { code: 'SUBSCRIPTION_LIMIT_REACHED' } }] });
    expect(active()).toBe(2);

    // Queries and mutations are not subscriptions: they still run.
    expect((await graphqlRequest(gateway, '{ __typename }', {}, bearer(keys.capped.secret))).errors).toBeUndefined();
    await first.stop();
    await second.stop();
    await eventually(() => active() === 0, 'both are released');
  });

  it('releases a subscription the client completes, keeping the socket open', async () => {
    const socket = socketFor(keys.capped.secret);
    const first = subscribeOverSocket(socket, EVENTS);
    const second = subscribeOverSocket(socket, EVENTS);
    await eventually(() => active() === 2, 'both count');
    await first.stop();
    await eventually(() => active() === 1, 'the completed one is released');
    const third = subscribeOverSocket(socket, EVENTS);
    await eventually(() => active() === 2, 'a new one may open');
    await settle();
    await openIncident('After a release', 'PUBLIC');
    expect(titleOf(await third.next())).toBe('After a release');
    expect(titleOf(await second.next())).toBe('After a release');
    await second.stop();
    await third.stop();
    await eventually(() => active() === 0, 'all are released');
  });

  it('releases the subscriptions of a client that disconnects, over WebSocket and SSE', async () => {
    const socket = socketFor(keys.capped.secret);
    subscribeOverSocket(socket, EVENTS);
    const stream = await subscribeSse(keys.capped.secret);
    await eventually(() => active() === 2, 'both count');
    await socket.close();
    await eventually(() => active() === 1, "the socket's subscription is released when it closes");
    await stream.stop();
    await eventually(() => active() === 0, "the stream's subscription is released when the client goes away");
  });

  it('releases a subscription that fails when its subgraph connection breaks', async () => {
    const cutter = await startCuttingProxy(stack.urls.incidents);
    const other = createGateway(
      {
        supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
        subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: cutter.url },
        principalSecret: TEST_PRINCIPAL_SECRET,
        logLevel: 'error',
        subscriptionLimits: { PARTNER: 1 },
      },
      { events: stack.events },
    );
    const url = await other.listen(0, '127.0.0.1');
    try {
      const socket = socketFor(keys.capped.secret, url);
      const overWs = subscribeOverSocket(socket, EVENTS);
      await eventually(() => activeSubscriptions(other, holder()) === 1, 'the subscription counts');
      await settle();
      cutter.cut();
      // Reported as over HTTP: the incidents subgraph is unavailable (not a masked "Unexpected error."), then the subscription ends.
      expect(await overWs.next()).toEqual({
        data: null,
        errors: [
          {
            message: 'The incidents service is unavailable right now, so the fields it serves are missing from this answer; try again shortly.',
            path: ['incidentEvents'],
            extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'incidents' },
          },
        ],
      });
      await overWs.completed;
      await eventually(() => activeSubscriptions(other, holder()) === 0, 'the failed subscription is released');
      // The key may subscribe again at once.
      const again = await subscribeSse(keys.capped.secret, {}, url);
      expect(again.status).toBe(200);
      await again.stop();
    } finally {
      await other.close();
      await cutter.close();
    }
  });
});

/** The open subscriptions `target` counts for `holder`. */
function activeSubscriptions(target: Gateway, holder: string): number {
  return target.subscriptionLimit.activeSubscriptions(holder);
}

/** A TCP proxy to the subgraph at `target` whose open connections can be cut at once, as a failing network would. */
async function startCuttingProxy(target: string): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
