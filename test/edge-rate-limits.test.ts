import { seedId } from '@junction/federation';
import { createGateway, type Gateway, type RateLimits } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { createLogger } from '@junction/observability';
import { graphqlRequest, TEST_PRINCIPAL_SECRET, type GraphQLResponse } from '@junction/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// Rate limits per principal at the gateway: a bucket per API key, and per client address for anonymous callers.
// Small buckets that refill slowly (one token every 2 s), so counting down never races the refill.

const LIMITS: Partial<RateLimits> = {
  PUBLIC: { requests: 3, windowSeconds: 6 },
  PARTNER: { requests: 5, windowSeconds: 6 },
};
const QUERY = `{ partner(slug: "alchemy") { name } }`;

let testStack: TestStack;
let stack: Stack;
let gateway: string;

beforeAll(async () => {
  // One trusted proxy: each test speaks from client addresses of its own, given in X-Forwarded-For.
  testStack = await startTestStack({ rateLimits: LIMITS, trustProxy: 1 });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  await graphqlRequest(gateway, QUERY, {}, from('198.51.100.1')); // plans the query once
});

afterAll(() => testStack.close());

/** Headers that make a request come from `address` (through the one trusted proxy). */
const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

const limitHeaders = (response: { headers: Headers }) => ({
  limit: response.headers.get('x-ratelimit-limit'),
  remaining: response.headers.get('x-ratelimit-remaining'),
  policy: response.headers.get('ratelimit-policy'),
  rateLimit: response.headers.get('ratelimit'),
});

/** Sends `count` requests one after the other. */
async function send(count: number, headers: Record<string, string>, url = gateway): Promise<GraphQLResponse[]> {
  const answers: GraphQLResponse[] = [];
  for (let index = 0; index < count; index++) answers.push(await graphqlRequest(url, QUERY, {}, headers));
  return answers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an anonymous caller over the PUBLIC limit of {@link LIMITS} is told. */
const anonymousRefusal = (seconds: string) =>
  `Rate limit exceeded: anonymous callers may make 3 requests per 6 seconds from one address; retry in ${seconds === '1' ? '1 second' : `${seconds} seconds`}, or send an API key for a higher limit.`;

describe('rate limits at the gateway', () => {
  it('labels every answer with the caller’s limit and what is left, counting down', async () => {
    const before = Math.floor(Date.now() / 1000);
    const answers = await send(3, from('203.0.113.1'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.map(limitHeaders)).toEqual(
      [2, 1, 0].map((remaining) => ({
        limit: '3',
        remaining: String(remaining),
        policy: '"public";q=3;w=6',
        rateLimit: expect.stringMatching(new RegExp(`^"public";r=${remaining};t=[1-6]$`)),
      })),
    );
    // X-RateLimit-Reset: epoch seconds at which the bucket is full again (6 s for 3 tokens at one per 2 s).
    const reset = Number(answers[2].headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(before + 5);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 6);
  });

  it('refuses the request after the last token with 429, Retry-After and RATE_LIMITED, and serves it again after the refill', async () => {
    await send(3, from('203.0.113.2'));
    const refused = await graphqlRequest(gateway, QUERY, {}, from('203.0.113.2'));
    const retryAfter = refused.headers.get('retry-after')!;
    expect(retryAfter).toMatch(/^[12]$/);
    expect(refused.status).toBe(429);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([{ message: anonymousRefusal(retryAfter), extensions: { code: 'RATE_LIMITED' } }]);
    expect(limitHeaders(refused)).toMatchObject({ limit: '3', remaining: '0' });

    await sleep(Number(retryAfter) * 1000);
    const again = await graphqlRequest(gateway, QUERY, {}, from('203.0.113.2'));
    expect({ status: again.status, errors: again.errors, remaining: again.headers.get('x-ratelimit-remaining') }).toEqual({
      status: 200,
      errors: undefined,
      remaining: '0',
    });
  });

  it('counts and labels GET requests, invalid operations and batches as well', async () => {
    const address = from('203.0.113.3');
    const get = await fetch(`${gateway}?query=${encodeURIComponent('{ __typename }')}`, { headers: { ...address, accept: 'application/json', 'x-graphql-csrf': '1' } });
    expect({ status: get.status, body: await get.json(), ...limitHeaders(get) }).toMatchObject({
      status: 200,
      body: { data: { __typename: 'Query' } },
      remaining: '2',
      policy: '"public";q=3;w=6',
    });

    const invalid = await graphqlRequest(gateway, `{ partner(slug: "alchemy") { nope } }`, {}, address);
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(limitHeaders(invalid)).toMatchObject({ remaining: '1', policy: '"public";q=3;w=6' });

    const batch = await fetch(gateway, {
      method: 'POST',
      headers: { ...address, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    // This gateway does not batch: the batch is refused, and still counted and labelled.
    expect({ status: batch.status, body: await batch.json(), ...limitHeaders(batch) }).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ message: expect.stringContaining('Batching is not supported') })] },
      remaining: '0',
      policy: '"public";q=3;w=6',
    });

    // Over the limit, an invalid operation is refused like any other.
    const refused = await graphqlRequest(gateway, `{ nope }`, {}, address);
    expect(refused.status).toBe(429);
    expect(refused.errors).toEqual([{ message: anonymousRefusal(refused.headers.get('retry-after')!), extensions: { code: 'RATE_LIMITED' } }]);
  });

  it('keeps a bucket per client address and one per API key', async () => {
    const [partnerA, partnerB] = await Promise.all(
      ['alchemy', 'op-labs'].map((slug) => createApiKey(stack, { name: `${slug} rate limits`, role: 'PARTNER', partnerId: seedId('partner', slug) })),
    );
    await send(3, from('203.0.113.4'));
    expect((await graphqlRequest(gateway, QUERY, {}, from('203.0.113.4'))).status).toBe(429);

    const otherAddress = await graphqlRequest(gateway, QUERY, {}, from('203.0.113.5'));
    expect({ status: otherAddress.status, remaining: otherAddress.headers.get('x-ratelimit-remaining') }).toEqual({ status: 200, remaining: '2' });

    // A key has its own bucket, wherever it calls from.
    const withKey = await send(5, { ...from('203.0.113.4'), ...bearer(partnerA.secret) });
    expect(withKey.map((answer) => [answer.status, answer.headers.get('x-ratelimit-remaining')])).toEqual([
      [200, '4'],
      [200, '3'],
      [200, '2'],
      [200, '1'],
      [200, '0'],
    ]);
    const otherKey = await graphqlRequest(gateway, QUERY, {}, { ...from('203.0.113.4'), ...bearer(partnerB.secret) });
    expect({ status: otherKey.status, remaining: otherKey.headers.get('x-ratelimit-remaining') }).toEqual({ status: 200, remaining: '4' });
  });

  it('gives a partner key the PARTNER policy and tells it so when it runs out', async () => {
    const key = await createApiKey(stack, { name: 'partner policy', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') });
    const answers = await send(6, bearer(key.secret));
    expect(limitHeaders(answers[0])).toEqual({ limit: '5', remaining: '4', policy: '"partner";q=5;w=6', rateLimit: expect.stringMatching(/^"partner";r=4;t=[1-6]$/) });
    const refused = answers[5];
    const retryAfter = refused.headers.get('retry-after')!;
    expect(refused.status).toBe(429);
    expect(refused.errors).toEqual([
      {
        message: `Rate limit exceeded: a partner API key may make 5 requests per 6 seconds; retry in ${retryAfter === '1' ? '1 second' : `${retryAfter} seconds`}.`,
        extensions: { code: 'RATE_LIMITED' },
      },
    ]);
    // Roles without an override keep the defaults.
    const operator = await createApiKey(stack, { name: 'operator policy', role: 'OPERATOR' });
    const asOperator = await graphqlRequest(gateway, QUERY, {}, bearer(operator.secret));
    expect(limitHeaders(asOperator)).toMatchObject({ limit: '3000', remaining: '2999', policy: '"operator";q=3000;w=60' });
  });

  it('counts a request with a refused key against its client address', async () => {
    const refused = await graphqlRequest(gateway, QUERY, {}, { ...from('203.0.113.6'), ...bearer(`jct_00000000_${'A'.repeat(43)}`) });
    expect(refused.status).toBe(401);
    expect(limitHeaders(refused)).toMatchObject({ remaining: '2', policy: '"public";q=3;w=6' });
    const anonymous = await graphqlRequest(gateway, QUERY, {}, from('203.0.113.6'));
    expect(anonymous.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('limits the keys an address makes it look up, before it looks them up, so made-up keys cannot flood the partners subgraph', async () => {
    const address = from('203.0.113.8');
    const madeUpKey = () => `jct_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
    const before = stack.gateway.principals.lookups;
    const answers: GraphQLResponse[] = [];
    for (let index = 0; index < 6; index++) answers.push(await graphqlRequest(gateway, QUERY, {}, { ...address, ...bearer(madeUpKey()) }));
    // Each of the first three is looked up and refused (the key is unknown), costing its address a token as well;
    // past the PUBLIC limit of lookups from one address, no key is looked up.
    expect(answers.map((answer) => [answer.status, answer.errors?.[0].extensions?.code, answer.headers.get('x-ratelimit-remaining')])).toEqual([
      [401, 'UNAUTHENTICATED', '2'],
      [401, 'UNAUTHENTICATED', '1'],
      [401, 'UNAUTHENTICATED', '0'],
      [429, 'RATE_LIMITED', '0'],
      [429, 'RATE_LIMITED', '0'],
      [429, 'RATE_LIMITED', '0'],
    ]);
    const retryAfter = answers[3].headers.get('retry-after')!;
    expect(answers[3].errors).toEqual([
      {
        message: `Rate limit exceeded: one address may make 3 requests per 6 seconds with API keys the gateway has not checked recently; retry in ${retryAfter === '1' ? '1 second' : `${retryAfter} seconds`}.`,
        extensions: { code: 'RATE_LIMITED' },
      },
    ]);
    expect(limitHeaders(answers[3])).toMatchObject({ limit: '3', policy: '"public";q=3;w=6' });
    expect(stack.gateway.principals.lookups - before).toBe(3);

    // A key that works costs its own bucket's tokens; its lookup's token is not its address's.
    const key = await createApiKey(stack, { name: 'lookup charge', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') });
    const other = from('203.0.113.9');
    const first = await graphqlRequest(gateway, QUERY, {}, { ...other, ...bearer(key.secret) });
    const second = await graphqlRequest(gateway, QUERY, {}, { ...other, ...bearer(key.secret) });
    expect([first, second].map(limitHeaders)).toMatchObject([
      { remaining: '4', policy: '"partner";q=5;w=6' },
      { remaining: '3', policy: '"partner";q=5;w=6' },
    ]);
    const anonymous = await graphqlRequest(gateway, QUERY, {}, other);
    expect(anonymous.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('neither limits nor labels health checks and GraphiQL page loads', async () => {
    const address = from('203.0.113.7');
    const origin = new URL(gateway).origin;
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${origin}${path}`, { headers: address });
      await response.text();
      expect({ path, status: response.status, limit: response.headers.get('x-ratelimit-limit') }).toEqual({ path, status: 200, limit: null });
    }
    const page = await fetch(gateway, { headers: { ...address, accept: 'text/html' } });
    expect(await page.text()).toContain('<title>Junction</title>');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-ratelimit-limit')).toBeNull();
    const first = await graphqlRequest(gateway, QUERY, {}, address);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
  });
});

describe('a gateway of its own over the same subgraphs', () => {
  const open: Gateway[] = [];
  afterEach(async () => {
    for (const gateway of open.splice(0)) await gateway.close();
  });

  async function startGateway(config: Partial<Parameters<typeof createGateway>[0]>, dependencies: Parameters<typeof createGateway>[1] = {}): Promise<string> {
    const gateway = createGateway(
      {
        supergraphPath: path.resolve(__dirname, '../schema/supergraph.graphql'),
        subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
        principalSecret: TEST_PRINCIPAL_SECRET,
        logLevel: 'error',
        rateLimits: LIMITS,
        ...config,
      },
      dependencies,
    );
    open.push(gateway);
    return gateway.listen(0, '127.0.0.1');
  }

  it('uses the socket’s address and ignores X-Forwarded-For unless told to trust a proxy (memory buckets, no Redis)', async () => {
    const url = await startGateway({});
    const answers = await Promise.all([from('192.0.2.1'), from('192.0.2.2')].map((headers) => send(1, headers, url)));
    expect(answers.flat().map((answer) => answer.headers.get('x-ratelimit-remaining')).sort()).toEqual(['1', '2']);
  });

  it('fails open when Redis cannot be reached: limits in memory, and says so once, on the gateway’s log', async () => {
    const logged: { level: string; msg: string }[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void logged.push(JSON.parse(line)) } });
    // The response cache would report the same Redis on its own line (see edge-response-cache.test.ts).
    const url = await startGateway({ redisUrl: 'redis://127.0.0.1:1', responseCache: { enabled: false } }, { logger });
    const answers = await send(4, {}, url);
    expect(answers.map((answer) => [answer.status, answer.headers.get('x-ratelimit-remaining')])).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
    const lines = logged.filter((line) => line.msg.startsWith('The shared rate limit store'));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        service: 'gateway',
        msg: 'The shared rate limit store failed 1 time(s) since the last report; requests are limited per replica, in memory, until it answers again.',
        error: expect.any(String),
      }),
    ]);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('shares the buckets between gateways that share a Redis (REDIS_URL)', async () => {
    const prefix = `junction-test:${randomBytes(4).toString('hex')}:ratelimit:`;
    const redis = new Redis(redisUrl!);
    try {
      const [first, second] = await Promise.all([startGateway({ redisUrl, rateLimitKeyPrefix: prefix }), startGateway({ redisUrl, rateLimitKeyPrefix: prefix })]);
      const answers = [await send(1, {}, first), await send(1, {}, second), await send(1, {}, first), await send(1, {}, second)].flat();
      expect(answers.map((answer) => [answer.status, answer.headers.get('x-ratelimit-remaining')])).toEqual([
        [200, '2'],
        [200, '1'],
        [200, '0'],
        [429, '0'],
      ]);
      // The bucket expires when it would be full again: within the 6 s window.
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toEqual([`${prefix}addr:127.0.0.1`]);
      const ttl = await redis.pttl(keys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(6000);
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});
