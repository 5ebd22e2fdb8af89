import { seedId } from '@junction/federation';
import { createGateway, TrustedDocumentsManifestError, type Gateway, type GatewayConfig } from '@junction/gateway';
import type { Stack } from '@junction/launcher';
import { TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// Trusted documents (only registered operations, for production partner frontends) and APQ (Apollo's automatic
// persisted queries), through the real gateway over POST and GET.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Registered in every manifest below. */
const CHAIN_NAME = 'query ChainName($slug: String!) { chain(slug: $slug) { name } }';
/** Registered by its SHA-1, as graphql-codegen's client preset keys documents by default. */
const CHAIN_ID = 'query ChainId($slug: String!) { chain(slug: $slug) { chainId } }';
/** Never registered. */
const ARBITRARY = '{ chain(slug: "base") { name kind } }';

const ONLY_REGISTERED =
  'This gateway runs registered operations only: send the id of an operation in its trusted documents manifest as "documentId" (or its SHA-256 as extensions.persistedQuery.sha256Hash) instead of the query text, and have new operations added to the manifest. OPERATOR and ADMIN API keys may send any query.';

let testStack: TestStack;
let stack: Stack;
let gateway: string;
let workDir: string;
let operatorKey: string;
let partnerKey: string;
const opened: Gateway[] = [];

/** Writes `content` as JSON to a new file in the test's directory. */
function writeManifest(name: string, content: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'junction-trusted-documents-'));
  const manifest = writeManifest('persisted-documents.json', { [sha256(CHAIN_NAME)]: CHAIN_NAME, [sha1(CHAIN_ID)]: CHAIN_ID });
  testStack = await startTestStack({
    trustedDocuments: { path: manifest, mode: 'enforce' },
    // Many anonymous requests from one address: keep the rate limit out of the way.
    rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } },
  });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
  operatorKey = (await createApiKey(stack, { name: 'trusted documents tests', role: 'OPERATOR' })).secret;
  partnerKey = (await createApiKey(stack, { name: 'trusted documents tests', role: 'PARTNER', partnerId: seedId('partner', 'alchemy') })).secret;
});

afterAll(async () => {
  for (const other of opened) await other.close();
  await testStack.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Another gateway over the same subgraphs. */
function buildGateway(config: Partial<GatewayConfig>): Gateway {
  return createGateway({
    supergraphPath: path.resolve(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrls: { partners: stack.urls.partners, chains: stack.urls.chains, bridges: stack.urls.bridges, incidents: stack.urls.incidents },
    principalSecret: TEST_PRINCIPAL_SECRET,
    logLevel: 'error',
    rateLimits: { PUBLIC: { requests: 1000, windowSeconds: 60 } },
    ...config,
  });
}

/** What `build` throws; fails the test when it does not throw. */
function startupError(build: () => unknown): Error {
  try {
    build();
  } catch (error) {
    return error as Error;
  }
  throw new Error('The gateway started although its trusted documents manifest cannot be used.');
}

async function startGateway(config: Partial<GatewayConfig>): Promise<string> {
  const other = buildGateway(config);
  opened.push(other);
  return other.listen(0, '127.0.0.1');
}

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** A JSON POST of `body` as it is: `{ documentId }`, `{ query, extensions }` … */
async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** A GET with `params` in the URL (objects as JSON) and the CSRF header a GET needs. */
async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = { 'x-graphql-csrf': '1' }): Promise<Answer> {
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]));
  const response = await fetch(`${url}?${query}`, { headers: { accept: 'application/json', ...headers } });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
const base = { slug: 'base' };

describe('trusted documents, enforced', () => {
  it('refuses a document that is not registered with PERSISTED_QUERY_ONLY and says what to send, over POST and GET', async () => {
    const refusal = { status: 403, body: { errors: [{ message: ONLY_REGISTERED, extensions: { code: 'PERSISTED_QUERY_ONLY' } }] } };
    expect(await post(gateway, { query: ARBITRARY })).toEqual(refusal);
    expect(await get(gateway, { query: ARBITRARY })).toEqual(refusal);
    // A partner key is no exception.
    expect(await post(gateway, { query: ARBITRARY }, bearer(partnerKey))).toEqual(refusal);
  });

  it('runs a registered operation by documentId (with or without the sha256: prefix) and by APQ hash, over POST and GET', async () => {
    const answer = { status: 200, body: { data: { chain: { name: 'Base' } } } };
    expect(await post(gateway, { documentId: sha256(CHAIN_NAME), variables: base })).toEqual(answer);
    expect(await post(gateway, { documentId: `sha256:${sha256(CHAIN_NAME)}`, variables: base })).toEqual(answer);
    expect(await post(gateway, { extensions: apq(CHAIN_NAME), variables: base })).toEqual(answer);
    expect(await get(gateway, { documentId: sha256(CHAIN_NAME), variables: base })).toEqual(answer);
    expect(await get(gateway, { extensions: apq(CHAIN_NAME), variables: base })).toEqual(answer);
    // A registered operation sent as its exact text is registered too; with a partner key as well.
    expect(await post(gateway, { query: CHAIN_NAME, variables: base }, bearer(partnerKey))).toEqual(answer);
  });

  it('finds an operation the manifest keys by SHA-1 by that id, and by its SHA-256 for APQ clients', async () => {
    const answer = { status: 200, body: { data: { chain: { chainId: 8453 } } } };
    expect(await post(gateway, { documentId: sha1(CHAIN_ID), variables: base })).toEqual(answer);
    expect(await get(gateway, { extensions: apq(CHAIN_ID), variables: base })).toEqual(answer);
  });

  it('answers an unknown id or hash with PERSISTED_QUERY_NOT_FOUND and a sentence', async () => {
    const unknown = sha256(ARBITRARY);
    expect(await post(gateway, { documentId: unknown })).toEqual({
      status: 404,
      body: {
        errors: [
          {
            message: `No registered operation has the documentId "${unknown}"; send the id of an operation in the gateway's trusted documents manifest, or have the operation added to the manifest.`,
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      },
    });
    expect(await get(gateway, { extensions: apq(ARBITRARY) })).toEqual({
      status: 404,
      body: {
        errors: [
          {
            message: `No registered operation has the SHA-256 ${unknown}, and this gateway runs registered operations only; send the hash of an operation in its trusted documents manifest, or have the operation added to it.`,
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      },
    });
  });

  it('refuses to register an operation by APQ, so its hash stays unknown', async () => {
    const registering = await post(gateway, { query: ARBITRARY, extensions: apq(ARBITRARY) });
    expect(registering.status).toBe(403);
    expect(registering.body.errors).toEqual([
      { message: expect.stringMatching(/^Operations cannot be registered by APQ here: send the id of an operation in its trusted documents manifest/), extensions: { code: 'PERSISTED_QUERY_ONLY' } },
    ]);
    const byHash = await post(gateway, { extensions: apq(ARBITRARY) });
    expect(byHash.status).toBe(404);
    expect(byHash.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets an OPERATOR key send any query, over POST and GET; its APQ client gets the protocol answer and retries with the query', async () => {
    const answer = { status: 200, body: { data: { chain: { name: 'Base', kind: 'OPTIMISTIC_ROLLUP' } } } };
    expect(await post(gateway, { query: ARBITRARY }, bearer(operatorKey))).toEqual(answer);
    expect(await get(gateway, { query: ARBITRARY }, bearer(operatorKey))).toEqual(answer);

    expect(await post(gateway, { extensions: apq(ARBITRARY) }, bearer(operatorKey))).toEqual({
      status: 404,
      body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] },
    });
    expect(await post(gateway, { query: ARBITRARY, extensions: apq(ARBITRARY) }, bearer(operatorKey))).toEqual(answer);
    // Nothing was stored: enforced, the gateway knows the manifest only.
    expect((await post(gateway, { extensions: apq(ARBITRARY) }, bearer(partnerKey))).status).toBe(404);
  });

  it('refuses a request with both a query and a documentId, and a GET without the CSRF header', async () => {
    expect(await post(gateway, { query: CHAIN_NAME, documentId: sha256(CHAIN_NAME), variables: base })).toEqual({
      status: 400,
      body: { errors: [{ message: 'Send either "query" or "documentId", not both.', extensions: { code: 'BAD_REQUEST' } }] },
    });
    const withoutHeader = await get(gateway, { documentId: sha256(CHAIN_NAME), variables: base }, {});
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.body.errors?.[0].extensions?.code).toBe('CSRF_HEADER_REQUIRED');
  });
});

describe('trusted documents, allowed beside any document', () => {
  let url: string;

  beforeAll(async () => {
    const manifest = writeManifest('apollo-manifest.json', {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(CHAIN_NAME), name: 'ChainName', type: 'query', body: CHAIN_NAME }],
    });
    url = await startGateway({ trustedDocuments: { path: manifest, mode: 'allow' } });
  });

  it('runs registered operations by id and any other document as well', async () => {
    expect(await post(url, { documentId: sha256(CHAIN_NAME), variables: base })).toEqual({ status: 200, body: { data: { chain: { name: 'Base' } } } });
    expect(await post(url, { query: ARBITRARY })).toEqual({ status: 200, body: { data: { chain: { name: 'Base', kind: 'OPTIMISTIC_ROLLUP' } } } });
    const unknown = sha256(ARBITRARY);
    expect(await post(url, { documentId: unknown })).toEqual({
      status: 404,
      body: {
        errors: [
          {
            message: `No registered operation has the documentId "${unknown}"; send the id of an operation in the gateway's trusted documents manifest, or send the operation's text as "query".`,
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
          },
        ],
      },
    });
  });
});

describe('APQ', () => {
  let url: string;

  beforeAll(async () => {
    url = await startGateway({});
  });

  it('answers an unknown hash with PersistedQueryNotFound, stores the query sent with it, then runs it by hash (POST and GET)', async () => {
    const query = `{ chain(slug: "base") { name stage } }`;
    const notFound = { status: 404, body: { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } };
    expect(await post(url, { extensions: apq(query) })).toEqual(notFound);
    const registered = await post(url, { query, extensions: apq(query) });
    expect(registered.status).toBe(200);
    expect(registered.body.data.chain.name).toBe('Base');
    expect(await post(url, { extensions: apq(query) })).toEqual(registered);
    expect(await get(url, { extensions: apq(query) })).toEqual(registered);
  });

  it('refuses a hash that is not the query’s with PERSISTED_QUERY_MISMATCH, and stores nothing', async () => {
    const query = `{ chain(slug: "base") { chainId } }`;
    const wrong = sha256('{ chains { nodes { slug } } }');
    const refused = await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(refused).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: `extensions.persistedQuery.sha256Hash is ${wrong}, but the query's SHA-256 is ${sha256(query)}; send the hex SHA-256 of the exact query text (UTF-8) you send.`,
            extensions: { code: 'PERSISTED_QUERY_MISMATCH' },
          },
        ],
      },
    });
    expect((await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } })).status).toBe(404);
  });

  it('stores only queries that validate', async () => {
    const invalid = `{ chain(slug: "base") { nameOfTheChain } }`;
    const answer = await post(url, { query: invalid, extensions: apq(invalid) });
    expect(answer.body.errors?.[0].message).toMatch(/Cannot query field "nameOfTheChain" on type "Chain"/);
    expect((await post(url, { extensions: apq(invalid) })).body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
  });

  it('answers PersistedQueryNotSupported when APQ is off, so clients send their queries in full', async () => {
    const off = await startGateway({ apq: false });
    expect(await post(off, { extensions: apq(ARBITRARY) })).toEqual({
      status: 400,
      body: { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] },
    });
    expect((await post(off, { query: ARBITRARY, extensions: apq(ARBITRARY) })).body.data.chain.name).toBe('Base');
    expect((await post(off, { extensions: apq(ARBITRARY) })).status).toBe(400);
    expect((await post(off, { documentId: sha256(ARBITRARY) })).body.errors).toEqual([
      {
        message: 'This gateway has no registered operations, so it knows no "documentId"; send the operation\'s text as "query".',
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      },
    ]);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('shares stored queries between gateways that share a Redis (REDIS_URL)', async () => {
    const prefix = `junction-test:${randomBytes(4).toString('hex')}:apq:`;
    const redis = new Redis(redisUrl!);
    try {
      const [first, second] = await Promise.all([startGateway({ redisUrl, apqKeyPrefix: prefix }), startGateway({ redisUrl, apqKeyPrefix: prefix })]);
      const query = `{ chain(slug: "base") { name settlement { name } } }`;
      expect((await post(second, { extensions: apq(query) })).status).toBe(404);
      const registered = await post(first, { query, extensions: apq(query) });
      expect(registered.body.data.chain.name).toBe('Base');
      expect(await post(second, { extensions: apq(query) })).toEqual(registered);
      expect(await redis.keys(`${prefix}*`)).toEqual([`${prefix}${sha256(query)}`]);
      expect(await redis.ttl(`${prefix}${sha256(query)}`)).toBeGreaterThan(3500);
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});

describe('a manifest that cannot be used', () => {
  it('stops the gateway from starting, naming the file and every bad entry', () => {
    const hashed = 'query ChainSlug($slug: String!) { chain(slug: $slug) { slug } }';
    const tampered = hashed.replace('{ slug }', '{ slug name }');
    const manifest = writeManifest('bad.json', {
      [sha256(CHAIN_NAME)]: CHAIN_NAME,
      [sha256(CHAIN_NAME).replace(/^./, (digit) => (digit === '0' ? '1' : '0'))]: CHAIN_NAME,
      [sha256(hashed)]: tampered,
      [sha256('query Broken { chain(slug: "base") { name }')]: 'query Broken { chain(slug: "base") { name }',
      [sha256('query Unknown { chain(slug: "base") { colour } }')]: 'query Unknown { chain(slug: "base") { colour } }',
      'ChainName.graphql': CHAIN_NAME,
    });
    const lines = [
      `The trusted documents manifest ${manifest} cannot be used; fix it (regenerate it from the clients' operations), or point GATEWAY_TRUSTED_DOCUMENTS at another file:`,
      expect.stringMatching(/^- entry "[0-9a-f]{64}": the key is not the SHA-256 of its document \(that is [0-9a-f]{64}\); the document was changed after it was hashed\.$/),
      `- entry "${sha256(hashed)}": the key is not the SHA-256 of its document (that is ${sha256(tampered)}); the document was changed after it was hashed.`,
      `- entry "${sha256('query Broken { chain(slug: "base") { name }')}": the document does not parse: Syntax Error: Expected Name, found <EOF>.`,
      `- entry "${sha256('query Unknown { chain(slug: "base") { colour } }')}": operation Unknown is not valid against the supergraph: Cannot query field "colour" on type "Chain".`,
      `- entry "ChainName.graphql": the key must be the hex SHA-256 (64 digits), SHA-1 (40) or MD5 (32) digest of its document, optionally prefixed "sha256:".`,
    ];
    const error = startupError(() => buildGateway({ trustedDocuments: { path: manifest, mode: 'enforce' } }));
    expect(error).toBeInstanceOf(TrustedDocumentsManifestError);
    expect(error.message.split('\n')).toEqual(lines);
  });

  it('stops it when the file is missing, is not JSON, or registers nothing', () => {
    const cases: Array<[string, string]> = [
      [path.join(workDir, 'missing.json'), 'it cannot be read (ENOENT).'],
      [writeManifest('not-json.json', '{ "abc": '), expect.stringMatching(/^it is not JSON \(/) as unknown as string],
      [writeManifest('empty.json', {}), 'it registers no operation, so every request would be refused.'],
      [
        writeManifest('list.json', [CHAIN_NAME]),
        'it must be a JSON object of "<hash>": "<document>" entries, or an Apollo persisted query manifest ({ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [...] }).',
      ],
    ];
    for (const [file, problem] of cases) {
      const error = startupError(() => buildGateway({ trustedDocuments: { path: file, mode: 'allow' } }));
      expect(error).toBeInstanceOf(TrustedDocumentsManifestError);
      expect(error).toMatchObject({ file, problems: [problem] });
    }
  });
});
