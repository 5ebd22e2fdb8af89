import { seedId, signPrincipal } from '@junction/federation';
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import type { Stack } from '@junction/launcher';
import { ADMIN, graphqlRequest, principalHeaders, TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { ApiKeyPrincipals } from '../gateway/src/identity/api-key-principals';
import { eventually } from './subscription-clients';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';

// Who is calling, decided at the gateway from an API key and checked again by every subgraph.

const KEY_TTL_MS = 1000;

let testStack: TestStack;
let stack: Stack;
let gateway: string;

beforeAll(async () => {
  testStack = await startTestStack({ keyCacheTtlMs: KEY_TTL_MS });
  stack = testStack.stack;
  gateway = stack.urls.gateway;
});

afterAll(() => testStack.close());

const partnerId = (slug: string) => seedId('partner', slug);

const createKey = (input: Parameters<typeof createApiKey>[1]) => createApiKey(stack, input);

const CONTACTS = `query ($slug: String!) { partner(slug: $slug) { name contacts { name } } }`;
const CREATE_INCIDENT = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { title } }`;
const incident = (title: string) => ({
  title,
  summary: 'Opened by the identity tests.',
  kind: 'RPC_OUTAGE',
  severity: 'SEV3',
  visibility: 'INTERNAL',
  chainIds: [seedId('chain', 'scroll')],
  detectedBy: { source: 'PERSON', reporterName: 'Ada (on-call)' },
});

describe('identity at the gateway', () => {
  it('serves anonymous callers the public view and refuses them what needs a key, naming the field', async () => {
    const publicRead = await graphqlRequest(gateway, `{ partner(slug: "alchemy") { name } }`);
    expect(publicRead.errors).toBeUndefined();
    expect(publicRead.data).toEqual({ partner: { name: 'Alchemy' } });

    const mutation = await graphqlRequest(gateway, CREATE_INCIDENT, { input: incident('Anonymous') });
    expect(mutation.errors).toEqual([
      expect.objectContaining({
        message: 'Mutation.createIncident needs an API key; send one as "Authorization: Bearer <key>".',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);

    const contacts = await graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' });
    expect(contacts.data).toEqual({ partner: { name: 'Alchemy', contacts: null } });
    expect(contacts.errors).toEqual([
      expect.objectContaining({
        message: 'Partner.contacts needs an API key; send one as "Authorization: Bearer <key>".',
        path: ['partner', 'contacts'],
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
  });

  it.each([
    ['a malformed key', { authorization: 'Bearer not-a-key' }, 'The API key is malformed; send the whole key you were given (it starts with jct_).'],
    ['an unknown key', bearer(`jct_00000000_${'A'.repeat(43)}`), 'The API key is not valid: it is unknown, revoked or expired; ask an operator for a new one.'],
    ['a header that is not Bearer', { authorization: 'Basic dXNlcjpwYXNz' }, 'The Authorization header must be "Bearer <API key>".'],
  ])('answers 401 UNAUTHENTICATED to %s instead of treating it as the public', async (_what, headers, message) => {
    const { status, data, errors, headers: responseHeaders } = await graphqlRequest(gateway, `{ partner(slug: "alchemy") { name } }`, {}, headers);
    expect(status).toBe(401);
    expect(data ?? null).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ message, extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(responseHeaders.get('www-authenticate')).toBe('Bearer realm="junction"');
  });

  it('takes a key from Authorization: Bearer or x-api-key and acts with its role and scopes', async () => {
    const operator = await createKey({ name: 'on-call', role: 'OPERATOR' });
    for (const headers of [bearer(operator.secret), { 'x-api-key': operator.secret }]) {
      const { data, errors } = await graphqlRequest(gateway, CREATE_INCIDENT, { input: incident(`Opened with ${Object.keys(headers)[0]}`) }, headers);
      expect(errors).toBeUndefined();
      expect(data.createIncident.title).toBe(`Opened with ${Object.keys(headers)[0]}`);
    }

    const readOnly = await createKey({ name: 'dashboards', role: 'OPERATOR', scopes: ['metrics:read'] });
    const refused = await graphqlRequest(gateway, CREATE_INCIDENT, { input: incident('No scope') }, bearer(readOnly.secret));
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: 'Mutation.createIncident needs a key with the scope incidents:write; ask an operator for a key with it.',
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
  });

  it("shows a partner key its own partner's contacts and never another partner's", async () => {
    const alchemy = await createKey({ name: 'alchemy dashboard', role: 'PARTNER', partnerId: partnerId('alchemy') });
    const own = await graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' }, bearer(alchemy.secret));
    expect(own.errors).toBeUndefined();
    expect(own.data.partner.contacts.length).toBeGreaterThan(0);

    const other = await graphqlRequest(gateway, CONTACTS, { slug: 'op-labs' }, bearer(alchemy.secret));
    expect(other.data).toEqual({ partner: { name: 'OP Labs', contacts: null } });
    expect(other.errors).toEqual([expect.objectContaining({ path: ['partner', 'contacts'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('plans an operation once for every caller it is authorized the same way for', async () => {
    const planning = jest.spyOn(QueryPlanner.prototype, 'planAsync');
    try {
      // Text no other test sends, so that its plans are not cached yet.
      const query = `query PlannedOnce($slug: String!) { partner(slug: $slug) { slug contacts { name } } }`;
      const plans = () => planning.mock.calls.filter(([text]) => text.includes('PlannedOnce')).length;
      // Each partner asks about itself: different answers (none from the response cache), one authorized operation.
      for (const slug of ['alchemy', 'op-labs', 'consensys']) {
        const key = await createKey({ name: `planned ${slug}`, role: 'PARTNER', partnerId: partnerId(slug) });
        const { data, errors } = await graphqlRequest(gateway, query, { slug }, bearer(key.secret));
        expect(errors).toBeUndefined();
        expect(data.partner).toEqual({ slug, contacts: expect.any(Array) });
      }
      expect(plans()).toBe(1);
      // The public may not see contacts: its version leaves them out, and is planned once too.
      for (const slug of ['alchemy', 'op-labs']) {
        const anonymous = await graphqlRequest(gateway, query, { slug });
        expect(anonymous.data).toEqual({ partner: { slug, contacts: null } });
      }
      expect(plans()).toBe(2);
    } finally {
      planning.mockRestore();
    }
  });

  it('looks a key in use up again before its answer expires, so its requests do not wait for a lookup', async () => {
    const key = await createKey({ name: 'kept fresh', role: 'PARTNER', partnerId: partnerId('alchemy') });
    const before = stack.gateway.principals.lookups;
    expect((await graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' }, bearer(key.secret))).errors).toBeUndefined();
    const lookedUpAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, KEY_TTL_MS * 0.6));
    // Still remembered: the next request is served from the cache and refreshes it in the background.
    expect(stack.gateway.principals.knows(key.secret)).toBe(true);
    expect((await graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' }, bearer(key.secret))).errors).toBeUndefined();
    await eventually(() => stack.gateway.principals.lookups - before === 2, 'the background lookup');
    // Past the first answer's TTL, the key is still known: its next request is served without waiting for a lookup.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lookedUpAt + KEY_TTL_MS + 50 - Date.now())));
    expect(stack.gateway.principals.knows(key.secret)).toBe(true);
    expect(stack.gateway.principals.lookups - before).toBe(2);
  });

  it('asks the partners subgraph about keys seen together in one question', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, (_, index) => createKey({ name: `together ${index}`, role: 'PARTNER', partnerId: partnerId('alchemy') })));
    const before = { lookups: stack.gateway.principals.lookups, questions: stack.gateway.principals.questions };
    const principals = await Promise.all(keys.map((key) => stack.gateway.principals.resolve(key.secret)));
    expect(principals.map((principal) => principal?.keyId)).toEqual(keys.map((key) => key.id));
    expect(stack.gateway.principals.lookups - before.lookups).toBe(5);
    expect(stack.gateway.principals.questions - before.questions).toBe(1);
    // Refreshed in the background, they are asked about together again.
    await new Promise((resolve) => setTimeout(resolve, KEY_TTL_MS * 0.6));
    await Promise.all(keys.map((key) => stack.gateway.principals.resolve(key.secret)));
    await eventually(() => stack.gateway.principals.lookups - before.lookups === 10, 'the background lookups');
    expect(stack.gateway.principals.questions - before.questions).toBe(2);
  });

  it('remembers a key that expires within the cache TTL only until it expires', async () => {
    // A minute's TTL: without the cap the key would keep working for that long after it expired.
    const principals = new ApiKeyPrincipals({ partnersUrl: stack.urls.partners, principalSecret: TEST_PRINCIPAL_SECRET, ttlMs: 60_000 });
    const expiresAt = Date.now() + 1500;
    const key = await createKey({ name: 'expiring soon', role: 'PARTNER', partnerId: partnerId('alchemy'), expiresAt: new Date(expiresAt).toISOString() });
    expect((await principals.resolve(key.secret))?.keyId).toBe(key.id);
    expect(principals.knows(key.secret)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt + 100 - Date.now())));
    expect(principals.knows(key.secret)).toBe(false);
    expect(await principals.resolve(key.secret)).toBeNull();
    expect(principals.lookups).toBe(2);
  });

  it('asks the partners subgraph once per key while its answer is fresh, and stops honouring a revoked key within the cache TTL', async () => {
    const key = await createKey({ name: 'soon revoked', role: 'PARTNER', partnerId: partnerId('alchemy') });
    const before = stack.gateway.principals.lookups;
    const answers = await Promise.all(Array.from({ length: 20 }, () => graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' }, bearer(key.secret))));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(stack.gateway.principals.lookups - before).toBe(1);

    const revoked = await graphqlRequest(stack.urls.partners, `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, principalHeaders(ADMIN));
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();
    let status = 200;
    while (status === 200) {
      status = (await graphqlRequest(gateway, CONTACTS, { slug: 'alchemy' }, bearer(key.secret))).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(KEY_TTL_MS + 500);
  });
});

describe('subgraphs behind the gateway', () => {
  const subgraphs = ['partners', 'chains', 'bridges', 'incidents'] as const;
  const expired = () => signPrincipal({ role: 'OPERATOR' }, { secret: TEST_PRINCIPAL_SECRET, now: Date.now() - 120_000 });
  const forged = () => signPrincipal({ role: 'ADMIN' }, { secret: 'not-the-shared-secret' });

  it.each([
    ['no signed principal', () => ({}), 'the signed principal headers are missing; call this subgraph through the gateway'],
    ['a signature made with another secret', forged, 'the principal signature does not verify'],
    ['a signature older than a minute', expired, 'the principal signature has expired'],
  ])('refuse a request with %s, every one of them', async (_what, headers, reason) => {
    for (const name of subgraphs) {
      const { status, errors } = await graphqlRequest(stack.urls[name], `{ __typename }`, {}, headers());
      expect({ name, status, errors }).toEqual({
        name,
        status: 401,
        errors: [{ message: `This request is not authenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });
});
