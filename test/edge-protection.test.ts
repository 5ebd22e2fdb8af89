import { seedId } from '@junction/federation';
import { createGateway, type Gateway, type ProtectionSettings } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { graphqlRequest, TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startFailingProxy } from './failing-proxy';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// The gateway protects itself and the subgraphs: query shape limits, cost budgets per role, body size, CSRF, CORS,
// introspection policy, subgraph timeouts and query-only retries, and errors that name a failing subgraph.

const ALLOWED_ORIGIN = 'https://dashboard.example';

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let operatorKey: string;
let partnerKey: string;

beforeAll(async () => {
  testStack = await startTestStack({
    protection: { corsOrigins: [ALLOWED_ORIGIN] },
    // Many anonymous requests from one address: keep the rate limit out of the way.
    rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } },
  });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  operatorKey = (await createApiKey(stack, { name: 'protection tests', role: 'OPERATOR' })).secret;
  partnerKey = (await createApiKey(stack, { name: 'protection tests', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') })).secret;
});

afterAll(() => testStack.close());

/** A second gateway over the same subgraphs, with other protection and some subgraphs somewhere else. */
async function withGateway(protection: ProtectionSettings, urls: Partial<Record<'partners' | 'chains' | 'bridges' | 'incidents', string>>, run: (url: string) => Promise<void>): Promise<void> {
  const other: Gateway = createGateway({
    supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents, ...urls },
    principalSecret: TEST_PRINCIPAL_SECRET,
    logLevel: 'error',
    protection,
  });
  try {
    await run(await other.listen(0, '127.0.0.1'));
  } finally {
    await other.close();
  }
}

/** `{ chain(slug: "base") { settlement { settlement { … name } } } }`, `depth` levels deep. */
const nested = (depth: number) => `{ chain(slug: "base") { ${'settlement { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `c${index}: chain(slug: "base") { name }`).join(' ')} }`;
/** `{ chains(first: 1, filter: { kinds: [L1 L1 …] }) { nodes { slug } } }` with `tokens` tokens in all. */
const long = (tokens: number) => `{ chains(first: 1, filter: { kinds: [${'L1 '.repeat(tokens - 22)}] }) { nodes { slug } } }`;

describe('query shape limits', () => {
  it.each([
    ['depth', nested(12), nested(13), 'The query is 13 levels deep, more than the limit of 12; ask for fewer nested fields, or split it into several queries.', { limit: 'depth', max: 12, found: 13 }],
    ['aliases', aliased(30), aliased(31), 'The query uses 31 aliases, more than the limit of 30; send fewer aliased fields per request.', { limit: 'aliases', max: 30, found: 31 }],
    [
      'tokens',
      long(2000),
      long(2001),
      'The query has more than 2000 tokens (names, punctuation and literal values), the limit; send a shorter document and pass values as variables.',
      { limit: 'tokens', max: 2000 },
    ],
  ])('accepts a query at the %s limit and refuses one past it with QUERY_TOO_COMPLEX', async (_limit, atLimit, pastLimit, message, details) => {
    const accepted = await graphqlRequest(gateway, atLimit);
    expect(accepted.errors).toBeUndefined();
    expect(Object.values(accepted.data).every((value) => value !== null)).toBe(true);

    const refused = await graphqlRequest(gateway, pastLimit);
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'QUERY_TOO_COMPLEX', ...details } })]);
  });
});

describe('cost budget per role', () => {
  // 1 (chains) + 1 (pageInfo) + 98 × (1 chain + bridges(first) × 1 bridge); bridges are a sized list of `first`.
  const costing = (bridgesPerChain: number) => `{ chains(first: 98) { pageInfo { hasNextPage } nodes { slug bridges(first: ${bridgesPerChain}) { slug } } } }`;

  it('accepts a query at the public budget and refuses one over it with COST_LIMIT_EXCEEDED, naming cost and budget', async () => {
    const atBudget = await graphqlRequest(gateway, costing(50));
    expect(atBudget.errors).toBeUndefined();
    expect(atBudget.data.chains.nodes.length).toBeGreaterThan(0);

    const overBudget = await graphqlRequest(gateway, costing(51));
    expect(overBudget.status).toBe(400);
    expect(overBudget.data ?? null).toBeNull();
    expect(overBudget.errors).toEqual([
      {
        message:
          "The query's estimated cost is 5098, more than the 5000 allowed for a caller without an API key; ask for fewer items (a smaller first) or fewer nested lists, or split it into several queries.",
        extensions: { code: 'COST_LIMIT_EXCEEDED', cost: { estimated: 5098, max: 5000 } },
      },
    ]);
  });

  it('gives keys larger budgets by role: the same query runs for an operator, a far larger one does not', async () => {
    const asOperator = await graphqlRequest(gateway, costing(51), {}, bearer(operatorKey));
    expect(asOperator.errors).toBeUndefined();
    expect(asOperator.data.chains.nodes.length).toBeGreaterThan(0);

    const asPartner = await graphqlRequest(gateway, costing(51), {}, bearer(partnerKey));
    expect(asPartner.errors).toBeUndefined();

    const huge = `query ($first: Int!) { chains(first: $first) { nodes { bridges(first: $first) { routes(first: $first) { id } } } } }`;
    const refused = await graphqlRequest(gateway, huge, { first: 100 }, bearer(operatorKey));
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('estimated cost is 1010101, more than the 200000 allowed for an OPERATOR key'),
        extensions: { code: 'COST_LIMIT_EXCEEDED', cost: { estimated: 1010101, max: 200000 } },
      }),
    ]);
  });
});

describe('request body size', () => {
  const QUERY = 'query ($padding: String) { chain(slug: $padding) { name } }';

  it('accepts a body under 100 kB and answers a larger one with 413 and a JSON GraphQL error', async () => {
    const under = await graphqlRequest(gateway, QUERY, { padding: 'x'.repeat(100_000) });
    expect(under.status).toBe(200);
    expect(under.data).toEqual({ chain: null });

    const over = await graphqlRequest(gateway, QUERY, { padding: 'x'.repeat(110_000) });
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toContain('json');
    expect(over.errors).toEqual([
      {
        message: expect.stringMatching(/^The request body is 110\d{3} bytes, more than the limit of 102400 bytes; send a shorter query with fewer variables, or split it into several requests\.$/),
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      },
    ]);
  });

  it('stops reading a chunked body without a length at the limit', async () => {
    const body = JSON.stringify({ query: QUERY, variables: { padding: 'x'.repeat(200_000) } });
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < body.length; offset += 16_384) controller.enqueue(new TextEncoder().encode(body.slice(offset, offset + 16_384)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body is larger than the limit of 102400 bytes; send a shorter query with fewer variables, or split it into several requests.',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });
});

describe('CSRF prevention', () => {
  const getUrl = () => `${gateway}?query=${encodeURIComponent('{ __typename }')}`;
  const REFUSAL = {
    message:
      'A GET or form request must carry a header that other websites cannot make a browser send: send the query as a JSON POST (content-type: application/json), or add the header "x-graphql-csrf: 1" (an API key header counts too).',
    extensions: { code: 'CSRF_HEADER_REQUIRED' },
  };

  it('refuses a GET or a form POST without a non-simple header with 403', async () => {
    const get = await fetch(getUrl(), { headers: { accept: 'application/json' } });
    expect(get.status).toBe(403);
    expect(await get.json()).toEqual({ errors: [REFUSAL] });

    const form = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: `query=${encodeURIComponent('{ __typename }')}`,
    });
    expect(form.status).toBe(403);
    expect(await form.json()).toEqual({ errors: [REFUSAL] });
  });

  it('accepts a GET with x-graphql-csrf or an API key, and every JSON POST', async () => {
    for (const headers of [{ 'x-graphql-csrf': '1' }, bearer(operatorKey)]) {
      const get = await fetch(getUrl(), { headers: { accept: 'application/json', ...headers } });
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const post = await graphqlRequest(gateway, '{ __typename }');
    expect(post).toEqual(expect.objectContaining({ status: 200, data: { __typename: 'Query' } }));
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(gateway, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('answers a preflight from a configured origin, for GET and POST with the headers asked for, without credentials', async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,authorization');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const post = await graphqlRequest(gateway, '{ __typename }', {}, { origin: ALLOWED_ORIGIN });
    expect(post.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('gives any other origin no CORS headers, so browsers keep its pages from reading answers', async () => {
    const response = await preflight('https://elsewhere.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();

    const post = await graphqlRequest(gateway, '{ __typename }', {}, { origin: 'https://elsewhere.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection policy', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('is on by default: anyone may introspect (GraphiQL needs it)', async () => {
    const { data, errors } = await graphqlRequest(gateway, INTROSPECTION);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('off: nobody may, not even an operator; __typename still works', async () => {
    await withGateway({ introspection: 'off' }, {}, async (url) => {
      for (const headers of [{}, bearer(operatorKey)]) {
        const { status, data, errors } = await graphqlRequest(url, INTROSPECTION, {}, headers);
        expect(status).toBe(400);
        expect(data ?? null).toBeNull();
        expect(errors?.[0]).toEqual(
          expect.objectContaining({
            message: 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
      expect((await graphqlRequest(url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    });
  });

  it('operators: an OPERATOR key may; no key is 401 UNAUTHENTICATED, a partner key 403 FORBIDDEN', async () => {
    await withGateway({ introspection: 'operators' }, {}, async (url) => {
      const anonymous = await graphqlRequest(url, INTROSPECTION);
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors).toEqual([
        {
          message: 'Introspection (__schema) needs an OPERATOR or ADMIN API key; send one as "Authorization: Bearer <key>".',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);

      const partner = await graphqlRequest(url, '{ __type(name: "Chain") { name } }', {}, bearer(partnerKey));
      expect(partner.status).toBe(403);
      expect(partner.errors).toEqual([
        {
          message: 'Introspection (__type) is open to OPERATOR and ADMIN keys only; the schema is published as schema/supergraph.graphql.',
          extensions: { code: 'FORBIDDEN' },
        },
      ]);

      const operator = await graphqlRequest(url, INTROSPECTION, {}, bearer(operatorKey));
      expect(operator.errors).toBeUndefined();
      expect(operator.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

      expect((await graphqlRequest(url, '{ chain(slug: "base") { __typename name } }')).data).toEqual({ chain: { __typename: 'Chain', name: 'Base' } });
    });
  });
});

describe('a failing subgraph', () => {
  const PARTIAL = `{ chains(first: 2) { nodes { slug } } bridge(slug: "arbitrum-bridge") { name operator { name } } }`;

  it('leaves out only what the stopped subgraph serves, with an error naming it and no URL', async () => {
    const closedPort = await freePort();
    await withGateway({ subgraphRetryDelayMs: 10 }, { bridges: `http://127.0.0.1:${closedPort}/graphql` }, async (url) => {
      const response = await graphqlRequest(url, PARTIAL);
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ chains: { nodes: [expect.objectContaining({ slug: expect.any(String) }), expect.anything()] }, bridge: null });
      expect(response.errors).toEqual([
        {
          message: 'The bridges service is unavailable right now, so the fields it serves are missing from this answer; try again shortly.',
          path: ['bridge'],
          extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'bridges' },
        },
      ]);
      expect(JSON.stringify(response.errors)).not.toContain('127.0.0.1');
    });
  });

  it('names the subgraph of a nested entity fetch and keeps the fields around it', async () => {
    const closedPort = await freePort();
    await withGateway({ subgraphRetryDelayMs: 10 }, { partners: `http://127.0.0.1:${closedPort}/graphql` }, async (url) => {
      const response = await graphqlRequest(url, PARTIAL);
      expect(response.data.bridge).toEqual({ name: 'Arbitrum Bridge', operator: null });
      expect(response.data.chains.nodes).toHaveLength(2);
      // The entity fetch for `operator { name }` failed; the error names the field it left null.
      expect(response.errors).toEqual([
        {
          message: 'The partners service is unavailable right now, so the fields it serves are missing from this answer; try again shortly.',
          path: ['bridge', 'operator'],
          extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'partners' },
        },
      ]);
    });
  });

  it('keeps every chain of a dashboard when the subgraphs contributing lists to it are down', async () => {
    const [incidentsPort, bridgesPort] = [await freePort(), await freePort()];
    const down = { incidents: `http://127.0.0.1:${incidentsPort}/graphql`, bridges: `http://127.0.0.1:${bridgesPort}/graphql` };
    await withGateway({ subgraphRetryDelayMs: 10 }, down, async (url) => {
      const response = await graphqlRequest(url, `{ chains(first: 3) { nodes { slug owners { component } bridges { name } incidents(open: true) { title } } } }`);
      expect(response.status).toBe(200);
      expect(response.data.chains.nodes).toHaveLength(3);
      for (const chain of response.data.chains.nodes) {
        expect(chain).toEqual({ slug: expect.any(String), owners: expect.any(Array), bridges: null, incidents: null });
      }
      expect(new Set(response.errors?.map((error) => error.extensions?.subgraph))).toEqual(new Set(['incidents', 'bridges']));
      expect(response.errors?.every((error) => error.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
    });
  });

  it('times out a subgraph that does not answer, and still answers 200 with the rest', async () => {
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
      await withGateway({ subgraphTimeoutMs: 300, subgraphRetries: 0 }, { bridges: silentUrl }, async (url) => {
        const startedAt = Date.now();
        const response = await graphqlRequest(url, PARTIAL);
        expect(Date.now() - startedAt).toBeLessThan(5000);
        expect(response.status).toBe(200);
        expect(response.data.chains.nodes).toHaveLength(2);
        expect(response.data.bridge).toBeNull();
        // The query planner's executor gives a timed-out fetch no path; the error names the subgraph instead.
        expect(response.errors).toEqual([
          {
            message: 'The bridges service did not answer in time, so the fields it serves are missing from this answer; try again shortly.',
            extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'bridges' },
          },
        ]);
      });
    } finally {
      await new Promise<void>((resolve) => {
        silent.close(() => resolve());
        silent.closeAllConnections();
      });
    }
  });

  it("passes a subgraph's own error on with its code and the subgraph's name", async () => {
    const { errors } = await graphqlRequest(gateway, `{ chains(first: 500) { nodes { slug } } }`);
    expect(errors).toEqual([expect.objectContaining({ path: ['chains'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', subgraph: 'chains' }) })]);
  });
});

describe('retries towards subgraphs', () => {
  it('retries a query after a transient subgraph failure, but never a mutation', async () => {
    const proxy = await startFailingProxy(stack.urls.chains);
    try {
      await withGateway({ subgraphRetryDelayMs: 10 }, { chains: proxy.url }, async (url) => {
        proxy.failNext(1);
        const before = proxy.requests;
        const query = await graphqlRequest(url, `{ chain(slug: "base") { name } }`);
        expect(query.errors).toBeUndefined();
        expect(query.data).toEqual({ chain: { name: 'Base' } });
        expect(proxy.requests - before).toBe(2);

        proxy.failNext(1);
        const beforeMutation = proxy.requests;
        const mutation = await graphqlRequest(
          url,
          `mutation ($id: ID!) { updateChain(id: $id, input: { name: "Base" }) { name } }`,
          { id: seedId('chain', 'base') },
          bearer(operatorKey),
        );
        expect(proxy.requests - beforeMutation).toBe(1);
        expect(mutation.data ?? null).toBeNull();
        expect(mutation.errors).toEqual([
          expect.objectContaining({ path: ['updateChain'], extensions: { code: 'UPSTREAM_UNAVAILABLE', subgraph: 'chains' } }),
        ]);
      });
    } finally {
      await proxy.close();
    }
  });
});

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
