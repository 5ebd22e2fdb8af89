import {
  API_KEY_PATTERN,
  DEFAULT_SCOPES,
  generateApiKey,
  hashApiKey,
  KEY_SCOPES,
  parseApiKey,
  PUBLIC_PRINCIPAL,
  RESOLVE_KEYS_SCOPE,
  type Principal,
} from '@junction/federation';
import { ADMIN, graphqlRequest, OPERATOR, partnerPrincipal, principalHeaders } from '@junction/testing';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { partnerId, startPartners, type PartnersHarness } from './harness';

let harness: PartnersHarness;
let url: string;
let schema: string;

beforeAll(async () => {
  harness = await startPartners();
  url = harness.url;
  schema = (harness.service.db.dataSource.options as { schema: string }).schema;
});

afterAll(async () => {
  await harness.close();
});

const as = (principal: Principal) => principalHeaders(principal);
/** The gateway's own identity: the only principal that may resolve keys. */
const GATEWAY: Principal = { role: 'OPERATOR', scopes: [RESOLVE_KEYS_SCOPE] };
const partnerKeyHolder = (slug: string) => partnerPrincipal(partnerId(slug));

const KEY_FIELDS = 'id name prefix role scopes status createdAt createdBy expiresAt lastUsedAt revokedAt partner { slug }';
const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id status revokedAt } }`;
const RESOLVE = `query ($hashes: [String!]!) { apiKeyPrincipals(hashes: $hashes) { keyId role partnerId scopes expiresAt } }`;
const RESOLVE_MANY = `query ($hashes: [String!]!) { apiKeyPrincipals(hashes: $hashes) { keyId role partnerId } }`;
const LIST = `query ($role: ApiKeyRole, $includeRevoked: Boolean, $first: Int, $after: String) {
  apiKeys(role: $role, includeRevoked: $includeRevoked, first: $first, after: $after) { nodes { id name prefix status } pageInfo { hasNextPage endCursor } }
}`;
const PARTNER_KEYS = `query ($slug: String!) { partner(slug: $slug) { name apiKeys { name prefix role partner { slug } } } }`;

interface Created {
  secret: string;
  apiKey: { id: string; prefix: string; status: string; lastUsedAt: string | null; revokedAt: string | null } & Record<string, unknown>;
}

/** Creates a key through the API (as an operator unless told otherwise) and fails the test on errors. */
async function createKey(input: Record<string, unknown>, caller: Principal = OPERATOR): Promise<Created> {
  const { data, errors } = await graphqlRequest(url, CREATE, { input }, as(caller));
  expect(errors).toBeUndefined();
  return data.createApiKey as Created;
}

/** Asks the partners subgraph, as the gateway does, who a key makes its holder. */
async function resolveKey(secret: string) {
  const { data, errors } = await graphqlRequest(url, RESOLVE, { hashes: [hashApiKey(secret)] }, as(GATEWAY));
  expect(errors).toBeUndefined();
  return data.apiKeyPrincipals[0] as { keyId: string; role: string; partnerId: string | null; scopes: string[]; expiresAt: string | null } | null;
}

/** The stored rows of the api_key table, every column. */
async function storedKeys(where = 'true', parameters: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  return harness.service.db.dataSource.query(`SELECT * FROM "${schema}".api_key WHERE ${where}`, parameters);
}

async function lastUsedAt(id: string): Promise<Date | null> {
  const [row] = await storedKeys('id = $1', [id]);
  return row.last_used_at as Date | null;
}

describe('partners subgraph: creating API keys', () => {
  it('shows the key once, in the documented shape, and stores only its hash', async () => {
    const { secret, apiKey } = await createKey({ name: 'on-call laptop', role: 'OPERATOR' });
    expect(secret).toMatch(API_KEY_PATTERN);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: 'on-call laptop',
      prefix: parseApiKey(secret)?.prefix,
      role: 'OPERATOR',
      scopes: [...DEFAULT_SCOPES.OPERATOR],
      status: 'ACTIVE',
      createdAt: expect.any(String),
      createdBy: 'service',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      partner: null,
    });
    const [row] = await storedKeys('id = $1', [apiKey.id]);
    expect(row.hash).toBe(hashApiKey(secret));
    const randomPart = secret.slice('jct_00000000_'.length);
    for (const [column, value] of Object.entries(row)) {
      expect({ column, value: JSON.stringify(value) }).toEqual({ column, value: expect.not.stringContaining(randomPart) });
    }
  });

  it('offers no field that could return a hash or a key, except createApiKey.secret', async () => {
    const { data } = await graphqlRequest(url, `{ __type(name: "ApiKey") { fields { name } } }`, {}, as(OPERATOR));
    expect(data.__type.fields.map((field: { name: string }) => field.name).sort()).toEqual(
      ['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'partner', 'prefix', 'revokedAt', 'role', 'scopes', 'status'].sort(),
    );
  });

  it('creates a PARTNER key for an active partner, with the partner defaults or the scopes asked for (deduplicated, in order)', async () => {
    const dashboard = await createKey({ name: 'status page', role: 'PARTNER', partnerId: partnerId('op-labs') });
    expect(dashboard.apiKey).toMatchObject({ role: 'PARTNER', scopes: [...DEFAULT_SCOPES.PARTNER], partner: { slug: 'op-labs' } });
    const writer = await createKey({ name: 'incident bot', role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: ['incidents:write', 'incidents:write'] });
    expect(writer.apiKey.scopes).toEqual(['incidents:write']);
    const readOnly = await createKey({ name: 'read-only', role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: [] });
    expect(readOnly.apiKey.scopes).toEqual([]);
    const operatorScopes = await createKey({ name: 'release bot', role: 'OPERATOR', scopes: ['keys:manage', 'catalogue:write'] });
    expect(operatorScopes.apiKey.scopes).toEqual(['catalogue:write', 'keys:manage']);
  });

  it('records the creating key as createdBy', async () => {
    const { apiKey } = await createKey({ name: 'made by a key', role: 'OPERATOR' }, { ...OPERATOR, keyId: '7d6f0a52-0b8e-4c51-9a57-0c2b7f0d8e11' });
    expect(apiKey.createdBy).toBe('7d6f0a52-0b8e-4c51-9a57-0c2b7f0d8e11');
  });

  describe('by a key, which gives only scopes it holds', () => {
    const KEY_ID = '2b0c8f4e-5d1a-4f3b-9c7e-6a1d0e9f3b22';
    const keyManager = (role: 'OPERATOR' | 'ADMIN', scopes: string[]): Principal => ({ role, scopes, keyId: KEY_ID });

    it.each([
      [
        'an OPERATOR key with only keys:manage asking for catalogue:write',
        keyManager('OPERATOR', ['keys:manage']),
        { role: 'OPERATOR', scopes: ['keys:manage', 'catalogue:write'] },
        [['input.scopes', `"catalogue:write" is not among your key's scopes, and a key can only give scopes it holds`]],
      ],
      [
        'an OPERATOR key asking for several scopes it lacks',
        keyManager('OPERATOR', ['keys:manage']),
        { role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: ['metrics:read', 'incidents:write'] },
        [
          ['input.scopes', `"metrics:read" is not among your key's scopes, and a key can only give scopes it holds`],
          ['input.scopes', `"incidents:write" is not among your key's scopes, and a key can only give scopes it holds`],
        ],
      ],
      [
        'an ADMIN key with narrowed scopes, even for an ADMIN key',
        keyManager('ADMIN', ['keys:manage', 'metrics:read']),
        { role: 'ADMIN', scopes: ['catalogue:write'] },
        [['input.scopes', `"catalogue:write" is not among your key's scopes, and a key can only give scopes it holds`]],
      ],
    ])('refuses %s with BAD_USER_INPUT naming the scopes, and writes nothing', async (_case, caller, input, fieldErrors) => {
      const before = await harness.rowCount('api_key');
      const { data, errors } = await graphqlRequest(url, CREATE, { input: { name: 'wider', ...input } }, as(caller));
      expect(data).toBeNull();
      expect(errors).toEqual([
        {
          message: fieldErrors.length === 1 ? `Invalid ${fieldErrors[0][0]}: ${fieldErrors[0][1]}` : `The input has ${fieldErrors.length} invalid fields: input.scopes, input.scopes.`,
          locations: expect.any(Array),
          path: ['createApiKey'],
          extensions: { code: 'BAD_USER_INPUT', fieldErrors: fieldErrors.map(([field, message]) => ({ field, message })) },
        },
      ]);
      expect(await harness.rowCount('api_key')).toBe(before);
    });

    it("gives the role's defaults narrowed to its own scopes when none are asked for", async () => {
      const narrow = await createKey({ name: 'narrowed defaults', role: 'OPERATOR' }, keyManager('OPERATOR', ['keys:manage', 'metrics:read']));
      expect(narrow.apiKey).toMatchObject({ role: 'OPERATOR', scopes: ['metrics:read', 'keys:manage'], createdBy: KEY_ID });
      expect((await resolveKey(narrow.secret))?.scopes).toEqual(['metrics:read', 'keys:manage']);
      const partner = await createKey({ name: 'narrowed partner', role: 'PARTNER', partnerId: partnerId('op-labs') }, keyManager('OPERATOR', ['keys:manage', 'incidents:write']));
      expect(partner.apiKey.scopes).toEqual(['incidents:write']);
    });

    it('gives scopes it holds, and any scope when it holds them all', async () => {
      const subset = await createKey({ name: 'subset', role: 'OPERATOR', scopes: ['metrics:read'] }, keyManager('OPERATOR', ['keys:manage', 'metrics:read']));
      expect(subset.apiKey.scopes).toEqual(['metrics:read']);
      const full = await createKey({ name: 'full', role: 'OPERATOR', scopes: [...KEY_SCOPES] }, { ...OPERATOR, keyId: KEY_ID });
      expect(full.apiKey.scopes).toEqual([...KEY_SCOPES]);
    });

    it('leaves a caller with no key (a service identity) free to give any scope, as before', async () => {
      const { apiKey } = await createKey({ name: 'by a service', role: 'OPERATOR', scopes: ['catalogue:write'] }, { role: 'OPERATOR', scopes: ['keys:manage'] });
      expect(apiKey).toMatchObject({ scopes: ['catalogue:write'], createdBy: 'service' });
    });
  });

  const future = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  it.each([
    ['an empty name', { name: '' }, [['input.name', 'must be 1 to 80 characters']]],
    ['a name of 81 characters', { name: 'k'.repeat(81) }, [['input.name', 'must be 1 to 80 characters']]],
    ['a blank name', { name: '   ' }, [['input.name', 'must not be blank; name the key after who holds it or what uses it, e.g. "on-call laptop"']]],
    ['a PARTNER key without a partner', { role: 'PARTNER' }, [['input.partnerId', 'is required for a PARTNER key: the partner the key acts for']]],
    [
      'an OPERATOR key with a partner',
      { partnerId: partnerId('op-labs') },
      [['input.partnerId', 'must be omitted for an OPERATOR key: operator and admin keys belong to the ecosystem team, not to a partner']],
    ],
    ['a PARTNER key for an unknown partner', { role: 'PARTNER', partnerId: '00000000-0000-4000-8000-00000000beef' }, [['input.partnerId', 'no active partner has id "00000000-0000-4000-8000-00000000beef"']]],
    ['a PARTNER key for a partner id that is no id', { role: 'PARTNER', partnerId: 'op-labs' }, [['input.partnerId', 'no active partner has id "op-labs"']]],
    ['an unknown scope', { scopes: [KEY_SCOPES[0], 'chains:delete'] }, [['input.scopes', `"chains:delete" is not a scope; use ${KEY_SCOPES.join(', ')}`]]],
    ['the gateway scope', { scopes: [RESOLVE_KEYS_SCOPE] }, [['input.scopes', `"keys:resolve" belongs to the gateway's own identity and cannot be given to a key`]]],
    [
      'catalogue:write on a PARTNER key',
      { role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: ['catalogue:write'] },
      [['input.scopes', '"catalogue:write" cannot be given to a PARTNER key; it is for operator and admin keys']],
    ],
    [
      'keys:manage on a PARTNER key',
      { role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: ['incidents:write', 'keys:manage'] },
      [['input.scopes', '"keys:manage" cannot be given to a PARTNER key; it is for operator and admin keys']],
    ],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, [['input.expiresAt', 'must be in the future; 2020-01-01T00:00:00.000Z has passed']]],
    [
      'several problems at once',
      { name: '', role: 'PARTNER', scopes: ['keys:manage'], expiresAt: '2020-01-01T00:00:00Z' },
      [
        ['input.name', 'must be 1 to 80 characters'],
        ['input.partnerId', 'is required for a PARTNER key: the partner the key acts for'],
        ['input.scopes', '"keys:manage" cannot be given to a PARTNER key; it is for operator and admin keys'],
        ['input.expiresAt', 'must be in the future; 2020-01-01T00:00:00.000Z has passed'],
      ],
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, fieldErrors) => {
    const before = await harness.rowCount('api_key');
    const input = { name: 'refused', role: 'OPERATOR', expiresAt: future, ...overrides };
    const { data, errors } = await graphqlRequest(url, CREATE, { input }, as(OPERATOR));
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: fieldErrors.map(([field, message]) => ({ field, message })) });
    expect(await harness.rowCount('api_key')).toBe(before);
  });

  it('refuses a PARTNER key for an archived partner', async () => {
    const created = await graphqlRequest(url, `mutation { createPartner(input: { slug: "gone-wallet", name: "Gone Wallet", kind: APP_DEVELOPER }) { id } }`, {}, as(OPERATOR));
    const id = created.data.createPartner.id as string;
    await graphqlRequest(url, `mutation ($id: ID!) { archivePartner(id: $id) { id } }`, { id }, as(OPERATOR));
    const { errors } = await graphqlRequest(url, CREATE, { input: { name: 'late', role: 'PARTNER', partnerId: id } }, as(OPERATOR));
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.partnerId', message: `no active partner has id "${id}"` }] });
  });

  it.each([
    ['the public', PUBLIC_PRINCIPAL, { name: 'x', role: 'OPERATOR' }, 'Only operators may create API keys; use a key with that role.'],
    ['a partner, even for itself', partnerKeyHolder('op-labs'), { name: 'x', role: 'PARTNER', partnerId: partnerId('op-labs') }, 'Only operators may create API keys; use a key with that role.'],
    [
      'an operator without keys:manage',
      { role: 'OPERATOR', scopes: ['incidents:write'] } as Principal,
      { name: 'x', role: 'OPERATOR' },
      'Your key lacks the scope keys:manage, which is needed to create API keys; ask an operator for a key with it.',
    ],
    ['an operator asking for an ADMIN key', OPERATOR, { name: 'x', role: 'ADMIN' }, 'Only admins may create ADMIN keys; use a key with that role.'],
  ])('refuses %s with FORBIDDEN, before looking at the input, and writes nothing', async (_who, caller, input, message) => {
    const before = await harness.rowCount('api_key');
    const { data, errors } = await graphqlRequest(url, CREATE, { input: { ...input, name: '' } }, as(caller));
    expect(data).toBeNull();
    expect(errors).toEqual([{ message, locations: expect.any(Array), path: ['createApiKey'], extensions: { code: 'FORBIDDEN' } }]);
    expect(await harness.rowCount('api_key')).toBe(before);
  });

  it('lets an admin create an ADMIN key', async () => {
    const { apiKey } = await createKey({ name: 'break-glass', role: 'ADMIN' }, ADMIN);
    expect(apiKey).toMatchObject({ role: 'ADMIN', scopes: [...DEFAULT_SCOPES.ADMIN], partner: null });
  });
});

describe('partners subgraph: resolving API keys for the gateway', () => {
  it("answers the key's principal and records its use at most once a minute", async () => {
    const { secret, apiKey } = await createKey({ name: 'sdk', role: 'PARTNER', partnerId: partnerId('base-team'), expiresAt: '2099-01-01T00:00:00Z' });
    expect(await lastUsedAt(apiKey.id)).toBeNull();
    expect(await resolveKey(secret)).toEqual({
      keyId: apiKey.id,
      role: 'PARTNER',
      partnerId: partnerId('base-team'),
      scopes: [...DEFAULT_SCOPES.PARTNER],
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const firstUse = await lastUsedAt(apiKey.id);
    expect(firstUse).toBeInstanceOf(Date);

    harness.service.db.queries.reset();
    expect(await resolveKey(secret)).not.toBeNull();
    expect(harness.service.db.queries.count).toBe(1); // the lookup; no write within the minute
    expect(await lastUsedAt(apiKey.id)).toEqual(firstUse);

    await harness.service.db.dataSource.query(`UPDATE "${schema}".api_key SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [apiKey.id]);
    const aged = await lastUsedAt(apiKey.id);
    expect(await resolveKey(secret)).not.toBeNull();
    expect((await lastUsedAt(apiKey.id))!.getTime()).toBeGreaterThan(aged!.getTime());

    const { data } = await graphqlRequest(url, `query ($id: ID!) { partner(id: $id) { apiKeys { id lastUsedAt } } }`, { id: partnerId('base-team') }, as(OPERATOR));
    expect(data.partner.apiKeys.find((key: { id: string }) => key.id === apiKey.id).lastUsedAt).toEqual(expect.any(String));
  });

  it('answers null for a key it never issued', async () => {
    expect(await resolveKey(generateApiKey().secret)).toBeNull();
  });

  it('stops resolving a revoked key; revoking it again returns it unchanged', async () => {
    const { secret, apiKey } = await createKey({ name: 'leaked', role: 'OPERATOR' });
    expect(await resolveKey(secret)).not.toBeNull();
    const revoked = await graphqlRequest(url, REVOKE, { id: apiKey.id }, as(OPERATOR));
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey).toEqual({ id: apiKey.id, status: 'REVOKED', revokedAt: expect.any(String) });
    expect(await resolveKey(secret)).toBeNull();
    const again = await graphqlRequest(url, REVOKE, { id: apiKey.id }, as(OPERATOR));
    expect(again.data.revokeApiKey).toEqual(revoked.data.revokeApiKey);
  });

  it('stops resolving a key once it expires', async () => {
    const { secret, apiKey } = await createKey({ name: 'contractor', role: 'OPERATOR', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(await resolveKey(secret)).not.toBeNull();
    await harness.service.db.dataSource.query(`UPDATE "${schema}".api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
    expect(await resolveKey(secret)).toBeNull();
    const { data } = await graphqlRequest(url, `{ apiKeys(first: 100) { nodes { id status } } }`, {}, as(OPERATOR));
    expect(data.apiKeys.nodes).toContainEqual({ id: apiKey.id, status: 'EXPIRED' });
  });

  it("stops resolving a PARTNER key once its partner is archived", async () => {
    const created = await graphqlRequest(url, `mutation { createPartner(input: { slug: "short-lived", name: "Short Lived", kind: OTHER }) { id } }`, {}, as(OPERATOR));
    const id = created.data.createPartner.id as string;
    const { secret } = await createKey({ name: 'dashboard', role: 'PARTNER', partnerId: id });
    expect((await resolveKey(secret))?.partnerId).toBe(id);
    const archived = await graphqlRequest(url, `mutation ($id: ID!) { archivePartner(id: $id) { archivedAt } }`, { id }, as(OPERATOR));
    expect(archived.errors).toBeUndefined();
    expect(await resolveKey(secret)).toBeNull();
  });

  it.each([
    ['an operator', OPERATOR],
    ['an admin', ADMIN],
    ['the public', PUBLIC_PRINCIPAL],
  ])('refuses %s without the keys:resolve scope', async (_who, caller) => {
    const { data, errors } = await graphqlRequest(url, RESOLVE, { hashes: [hashApiKey(generateApiKey().secret)] }, as(caller));
    expect(data).toBeNull();
    expect(errors).toEqual([
      {
        message: 'Your key lacks the scope keys:resolve, which is needed to resolve API keys; ask an operator for a key with it.',
        locations: expect.any(Array),
        path: ['apiKeyPrincipals'],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
  });

  it('answers many hashes in one question, in their order, null where no working key has one, with one SELECT and one UPDATE', async () => {
    const first = await createKey({ name: 'batch one', role: 'PARTNER', partnerId: partnerId('base-team') });
    const second = await createKey({ name: 'batch two', role: 'OPERATOR' });
    const revoked = await createKey({ name: 'batch revoked', role: 'OPERATOR' });
    expect((await graphqlRequest(url, REVOKE, { id: revoked.apiKey.id }, as(OPERATOR))).errors).toBeUndefined();
    const hashes = [second.secret, generateApiKey().secret, revoked.secret, first.secret].map(hashApiKey);
    harness.service.db.queries.reset();
    const { data, errors } = await graphqlRequest(url, RESOLVE_MANY, { hashes }, as(GATEWAY));
    expect(errors).toBeUndefined();
    expect(data.apiKeyPrincipals).toEqual([
      { keyId: second.apiKey.id, role: 'OPERATOR', partnerId: null },
      null,
      null,
      { keyId: first.apiKey.id, role: 'PARTNER', partnerId: partnerId('base-team') },
    ]);
    expect(harness.service.db.queries.count).toBe(2); // the lookup of all four, and one UPDATE recording both uses
    expect(await lastUsedAt(first.apiKey.id)).toBeInstanceOf(Date);
    expect(await lastUsedAt(second.apiKey.id)).toBeInstanceOf(Date);
    expect(await lastUsedAt(revoked.apiKey.id)).toBeNull();
  });

  it('refuses more than 100 hashes in one question, and names the malformed one', async () => {
    const many = Array.from({ length: 101 }, () => hashApiKey(generateApiKey().secret));
    const tooMany = await graphqlRequest(url, RESOLVE_MANY, { hashes: many }, as(GATEWAY));
    expect(tooMany.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'hashes', message: 'may hold at most 100 hashes; ask in several questions' }],
    });
    const malformed = await graphqlRequest(url, RESOLVE_MANY, { hashes: [many[0], 'not-a-hash'] }, as(GATEWAY));
    expect(malformed.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'hashes[1]', message: 'must be the SHA-256 of the key, as 64 lower-case hex characters' }],
    });
    const refused = await graphqlRequest(url, RESOLVE_MANY, { hashes: [many[0]] }, as(OPERATOR));
    expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('refuses a hash that is not a SHA-256 hex digest', async () => {
    const { errors } = await graphqlRequest(url, RESOLVE, { hashes: ['jct_00000000_not-a-hash'] }, as(GATEWAY));
    expect(errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'hashes[0]', message: 'must be the SHA-256 of the key, as 64 lower-case hex characters' }],
    });
  });
});

describe('partners subgraph: listing and revoking API keys', () => {
  it('lists keys newest first by prefix, page by page, never with a hash or a key', async () => {
    const first = await createKey({ name: 'list one', role: 'ADMIN' }, ADMIN);
    const second = await createKey({ name: 'list two', role: 'ADMIN' }, ADMIN);
    const page1 = await graphqlRequest(url, LIST, { role: 'ADMIN', first: 1 }, as(OPERATOR));
    expect(page1.errors).toBeUndefined();
    expect(page1.data.apiKeys.nodes).toEqual([{ id: second.apiKey.id, name: 'list two', prefix: second.apiKey.prefix, status: 'ACTIVE' }]);
    const page2 = await graphqlRequest(url, LIST, { role: 'ADMIN', first: 1, after: page1.data.apiKeys.pageInfo.endCursor }, as(OPERATOR));
    expect(page2.data.apiKeys.nodes).toEqual([{ id: first.apiKey.id, name: 'list one', prefix: first.apiKey.prefix, status: 'ACTIVE' }]);
    const all = await graphqlRequest(url, `{ apiKeys(first: 100, includeRevoked: true) { nodes { ${KEY_FIELDS} } } }`, {}, as(OPERATOR));
    expect(all.errors).toBeUndefined();
    expect(all.data.apiKeys.nodes.map((key: { id: string }) => key.id)).toEqual(expect.arrayContaining([first.apiKey.id, second.apiKey.id]));
    const text = JSON.stringify(all.data);
    for (const created of [first, second]) {
      expect(text).not.toContain(created.secret.slice('jct_00000000_'.length));
      expect(text).not.toContain(hashApiKey(created.secret));
    }
  });

  it('hides revoked keys unless asked for them', async () => {
    const { apiKey } = await createKey({ name: 'to revoke', role: 'OPERATOR' });
    await graphqlRequest(url, REVOKE, { id: apiKey.id }, as(OPERATOR));
    const ids = async (includeRevoked: boolean) =>
      (await graphqlRequest(url, LIST, { role: 'OPERATOR', includeRevoked, first: 100 }, as(OPERATOR))).data.apiKeys.nodes.map((key: { id: string }) => key.id);
    expect(await ids(false)).not.toContain(apiKey.id);
    expect(await ids(true)).toContain(apiKey.id);
  });

  it('lists keys for operators only', async () => {
    for (const caller of [PUBLIC_PRINCIPAL, partnerKeyHolder('op-labs')]) {
      const { data, errors } = await graphqlRequest(url, LIST, {}, as(caller));
      expect(data).toBeNull();
      expect(errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Only operators may list API keys; use a key with that role.', 'FORBIDDEN']]);
    }
  });

  it("shows a partner its own keys and never another partner's", async () => {
    await createKey({ name: 'scroll sdk', role: 'PARTNER', partnerId: partnerId('scroll-tech') });
    const own = await graphqlRequest(url, PARTNER_KEYS, { slug: 'scroll-tech' }, as(partnerKeyHolder('scroll-tech')));
    expect(own.errors).toBeUndefined();
    expect(own.data.partner.apiKeys).toEqual([{ name: 'scroll sdk', prefix: expect.any(String), role: 'PARTNER', partner: { slug: 'scroll-tech' } }]);

    for (const caller of [partnerKeyHolder('op-labs'), PUBLIC_PRINCIPAL]) {
      const other = await graphqlRequest(url, PARTNER_KEYS, { slug: 'scroll-tech' }, as(caller));
      expect(other.data).toEqual({ partner: { name: 'Scroll', apiKeys: null } });
      expect(other.errors).toEqual([
        {
          message: "Only operators and the partner itself may see a partner's API keys; use that partner's key or an operator key.",
          locations: expect.any(Array),
          path: ['partner', 'apiKeys'],
          extensions: { code: 'FORBIDDEN' },
        },
      ]);
    }
  });

  it('refuses to revoke for a partner, an operator without keys:manage, or an operator revoking an ADMIN key', async () => {
    const admin = await createKey({ name: 'admin to keep', role: 'ADMIN' }, ADMIN);
    const operatorKey = await createKey({ name: 'operator to keep', role: 'OPERATOR' });
    const cases: Array<[Principal, string, string]> = [
      [partnerKeyHolder('op-labs'), operatorKey.apiKey.id, 'Only operators may revoke API keys; use a key with that role.'],
      [{ role: 'OPERATOR', scopes: [] }, operatorKey.apiKey.id, 'Your key lacks the scope keys:manage, which is needed to revoke API keys; ask an operator for a key with it.'],
      [OPERATOR, admin.apiKey.id, 'Only admins may revoke ADMIN keys; use a key with that role.'],
    ];
    for (const [caller, id, message] of cases) {
      const { errors } = await graphqlRequest(url, REVOKE, { id }, as(caller));
      expect(errors?.map((error) => [error.message, error.extensions?.code])).toEqual([[message, 'FORBIDDEN']]);
    }
    expect(await storedKeys('id IN ($1, $2) AND revoked_at IS NOT NULL', [admin.apiKey.id, operatorKey.apiKey.id])).toEqual([]);
    const byAdmin = await graphqlRequest(url, REVOKE, { id: admin.apiKey.id }, as(ADMIN));
    expect(byAdmin.data.revokeApiKey.status).toBe('REVOKED');
  });

  it('answers NOT_FOUND for a key that does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-0000000000aa', 'not-an-id']) {
      const { errors } = await graphqlRequest(url, REVOKE, { id }, as(OPERATOR));
      expect(errors?.map((error) => [error.message, error.extensions?.code])).toEqual([[`No API key with id "${id}" exists.`, 'NOT_FOUND']]);
    }
  });
});

describe('partners subgraph: API keys in the composed API', () => {
  it('keeps apiKeyPrincipals out of the public API, and the key management in it', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const result = composeServices(
      ['partners', 'chains', 'bridges', 'incidents'].map((name) => ({
        name,
        url: `http://${name}.invalid/graphql`,
        typeDefs: parse(readFileSync(path.join(root, 'services', name, 'schema.graphql'), 'utf8')),
      })),
    );
    expect(result.errors).toBeUndefined();
    const publicSdl = result.publicSdl ?? '';
    expect(publicSdl).toContain('apiKeys(');
    expect(publicSdl).toContain('createApiKey(input: CreateApiKeyInput!): CreatedApiKey!');
    expect(publicSdl).not.toContain('apiKeyPrincipals');
    expect(publicSdl).not.toContain('ApiKeyPrincipal');
    expect(result.supergraphSdl).toContain('apiKeyPrincipals(hashes: [String!]!): [ApiKeyPrincipal]! @join__field(graph: PARTNERS) @inaccessible');
  });
});
