import { seedId } from '@junction/federation';
import { createGateway, type GatewayConfig } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { ADMIN, graphqlRequest, principalHeaders, TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSocket, subscribeOverSocket, type TestSocket } from './subscription-clients';
import { createApiKey, startTestStack, type TestStack } from './test-stack';

// GraphQL over WebSocket (graphql-ws) on the gateway's `/graphql`: a client authenticates once with the key in its
// connection parameters, every operation then runs through the gateway's plugins, and shutdown says "going away".

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let partnerKey: { id: string; secret: string };
let operatorKey: string;
let workDir: string;
const sockets: TestSocket[] = [];

const INVALID_KEY = 'The API key is not valid: it is unknown, revoked or expired; ask an operator for a new one.';

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'junction-websockets-'));
  testStack = await startTestStack({ rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } } });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  partnerKey = await createApiKey(stack, { name: 'websocket tests', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') });
  operatorKey = (await createApiKey(stack, { name: 'websocket tests', role: 'OPERATOR' })).secret;
});

afterAll(async () => {
  for (const socket of sockets) await socket.close();
  await testStack.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A socket closed after the test file. */
function connect(url: string, connectionParams?: Record<string, unknown>): TestSocket {
  const socket = openSocket(url, connectionParams);
  sockets.push(socket);
  return socket;
}

const PARTNER_CONTACTS = `{ partner(slug: "alchemy") { name contacts { name } } }`;

describe('GraphQL over WebSocket', () => {
  it('serves a partner key from connectionParams as the partner, in each spelling clients use', async () => {
    for (const params of [{ Authorization: `Bearer ${partnerKey.secret}` }, { authorization: `Bearer ${partnerKey.secret}` }, { 'x-api-key': partnerKey.secret }, { apiKey: partnerKey.secret }]) {
      const socket = connect(gateway, params);
      await socket.connected;
      const result = await subscribeOverSocket(socket, PARTNER_CONTACTS).next();
      expect(result.errors).toBeUndefined();
      expect(result.data.partner.name).toBe('Alchemy');
      expect(result.data.partner.contacts.length).toBeGreaterThan(0);
    }
  });

  it('serves a client without a key as the public, which may not read private fields', async () => {
    const socket = connect(gateway);
    await socket.connected;
    const result = await subscribeOverSocket(socket, PARTNER_CONTACTS).next();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('refuses a connection with an unknown, revoked or malformed key with 4403 and a sentence', async () => {
    const unknown = connect(gateway, { Authorization: `Bearer jct_00000000_${'A'.repeat(43)}` });
    await expect(unknown.connected).rejects.toMatchObject({ code: 4403 });
    expect(await unknown.closed).toEqual({ code: 4403, reason: INVALID_KEY });

    const malformed = connect(gateway, { 'x-api-key': 'not-a-key' });
    expect(await malformed.closed).toEqual({ code: 4403, reason: 'The API key is malformed; send the whole key you were given (it starts with jct_).' });

    const notBearer = connect(gateway, { Authorization: partnerKey.secret });
    expect(await notBearer.closed).toEqual({ code: 4403, reason: 'The Authorization header must be "Bearer <API key>".' });
  });

  it('refuses a revoked key once the gateway no longer trusts it', async () => {
    const key = await createApiKey(stack, { name: 'revoked over websocket', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') });
    const revoked = await graphqlRequest(stack.urls.partners, `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, principalHeaders(ADMIN));
    expect(revoked.errors).toBeUndefined();
    const socket = connect(gateway, { Authorization: `Bearer ${key.secret}` });
    expect(await socket.closed).toEqual({ code: 4403, reason: INVALID_KEY });
  });

  it('closes a socket whose message is over the request body limit (1009), as HTTP refuses such a body', async () => {
    const socket = connect(gateway);
    await socket.connected;
    const feed = subscribeOverSocket(socket, '{ __typename }', { padding: 'x'.repeat(200 * 1024) });
    expect(await socket.closed).toEqual({ code: 1009, reason: expect.any(String) });
    await expect(feed.next()).rejects.toThrow('The feed completed without another result.');
  });

  it('runs mutations as the key that connected', async () => {
    const socket = connect(gateway, { Authorization: `Bearer ${operatorKey}` });
    const result = await subscribeOverSocket(
      socket,
      `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { title visibility } }`,
      {
        input: {
          title: 'Opened over a WebSocket',
          summary: 'Mutations over WebSockets run as the connected key.',
          kind: 'OTHER',
          severity: 'SEV4',
          visibility: 'INTERNAL',
          chainIds: [seedId('chain', 'base')],
          detectedBy: { source: 'PERSON', reporterName: 'websocket tests' },
        },
      },
    ).next();
    expect(result).toEqual({ data: { createIncident: { title: 'Opened over a WebSocket', visibility: 'INTERNAL' } } });
  });

  it('charges connections with keys it has not checked to the address, as over HTTP: past its lookups, 4429 and no lookup', async () => {
    const other = createGateway(gatewayConfig({ rateLimits: { PUBLIC: { requests: 2, windowSeconds: 60 } } }));
    const url = await other.listen(0, '127.0.0.1');
    const madeUp = (digit: number) => `Bearer jct_0000000${digit}_${'A'.repeat(43)}`;
    try {
      // Two lookups: a working key, then a made-up one.
      const working = openSocket(url, { Authorization: `Bearer ${partnerKey.secret}` });
      await working.connected;
      expect(await openSocket(url, { Authorization: madeUp(1) }).closed).toEqual({ code: 4403, reason: INVALID_KEY });
      expect(other.principals.lookups).toBe(2);

      const refused = openSocket(url, { Authorization: madeUp(2) });
      expect(await refused.closed).toEqual({
        code: 4429,
        reason: expect.stringMatching(/^Too many connections with API keys the gateway has not checked recently came from this address; retry in \d+ seconds?\.$/),
      });
      expect(other.principals.lookups).toBe(2);
      // Keys it has checked cost no lookup: the working one, and the made-up one it remembers as not working.
      const again = openSocket(url, { Authorization: `Bearer ${partnerKey.secret}` });
      await again.connected;
      expect(await openSocket(url, { Authorization: madeUp(1) }).closed).toEqual({ code: 4403, reason: INVALID_KEY });
      expect(other.principals.lookups).toBe(2);
      await Promise.all([working.close(), again.close()]);
    } finally {
      await other.close();
    }
  });

  it('applies the rate limit to every operation on a socket, as over HTTP', async () => {
    const other = createGateway(gatewayConfig({ rateLimits: { PARTNER: { requests: 2, windowSeconds: 60 } } }));
    const url = await other.listen(0, '127.0.0.1');
    try {
      const socket = openSocket(url, { Authorization: `Bearer ${partnerKey.secret}` });
      await socket.connected;
      const results = [];
      for (let index = 0; index < 3; index += 1) results.push(await subscribeOverSocket(socket, '{ __typename }').next());
      expect(results.slice(0, 2)).toEqual([{ data: { __typename: 'Query' } }, { data: { __typename: 'Query' } }]);
      expect(results[2].errors).toEqual([
        { message: expect.stringMatching(/^Rate limit exceeded: a partner API key may make 2 requests per minute; retry in \d+ seconds?\.$/), extensions: { code: 'RATE_LIMITED' } },
      ]);
      await socket.close();
    } finally {
      await other.close();
    }
  });

  it('enforces trusted documents on WebSocket operations with the code HTTP answers', async () => {
    const registered = '{ __typename }';
    const manifest = path.join(workDir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ [createHash('sha256').update(registered).digest('hex')]: registered }));
    const other = createGateway(gatewayConfig({ trustedDocuments: { path: manifest, mode: 'enforce' } }));
    const url = await other.listen(0, '127.0.0.1');
    try {
      const unregistered = 'subscription { incidentEvents { kind incident { title } } }';
      const overHttp = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${partnerKey.secret}` },
        body: JSON.stringify({ query: unregistered }),
      });
      expect(overHttp.status).toBe(403);
      const httpEvent = /^data: (.*)$/m.exec(await overHttp.text())![1];
      const httpError = (JSON.parse(httpEvent) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors[0];
      expect(httpError.extensions.code).toBe('PERSISTED_QUERY_ONLY');

      const socket = openSocket(url, { Authorization: `Bearer ${partnerKey.secret}` });
      expect(await subscribeOverSocket(socket, unregistered).next()).toEqual({ errors: [{ message: httpError.message, extensions: { code: 'PERSISTED_QUERY_ONLY' } }] });
      // The socket stays open, and registered operations run on it.
      expect(await subscribeOverSocket(socket, registered).next()).toEqual({ data: { __typename: 'Query' } });
      // An operator may send any document, over a WebSocket too.
      const operator = openSocket(url, { Authorization: `Bearer ${operatorKey}` });
      expect((await subscribeOverSocket(operator, '{ chains(first: 1) { nodes { name } } }').next()).errors).toBeUndefined();
      await socket.close();
      await operator.close();
    } finally {
      await other.close();
    }
  });

  it('closes open sockets with 1001 (going away) when the gateway closes', async () => {
    const other = createGateway(gatewayConfig({}));
    const url = await other.listen(0, '127.0.0.1');
    const socket = openSocket(url, { Authorization: `Bearer ${partnerKey.secret}` });
    await socket.connected;
    expect(other.webSocketServers.size).toBe(1);
    await other.close();
    expect(await socket.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
    await expect(fetch(url.replace('/graphql', '/healthz'))).rejects.toThrow();
  });
});

/** Another gateway over the stack's subgraphs. */
function gatewayConfig(config: Partial<GatewayConfig>): GatewayConfig {
  return {
    supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
    principalSecret: TEST_PRINCIPAL_SECRET,
    logLevel: 'error',
    ...config,
  };
}
