import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMemoryResponseCacheStore } from '../src/response-cache/memory-response-cache-store';
import { parseCacheTtls } from '../src/response-cache/parse-cache-ttls';
import { readEntityTypes } from '../src/response-cache/read-entity-types';
import { ResponseCachePolicy } from '../src/response-cache/response-cache-policy';
import { DEFAULT_RESPONSE_CACHE_TTLS, responseCacheEnv, responseCacheFromEnv, withDefaultTtls } from '../src/response-cache/response-cache-settings';
import { callerView } from '../src/response-cache/caller-view';
import { parseEnv } from '@junction/config';

// What the response cache decides from the schema alone: what answers depend on, what mutations invalidate, TTLs.

const supergraph = readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
const policy = new ResponseCachePolicy({ entityTypes: readEntityTypes(supergraph), ttls: withDefaultTtls() });
const plan = (query: string) => policy.planQuery(schema, parse(query));
const invalidated = (mutation: string) => policy.invalidatedBy(schema, parse(mutation));

describe('response cache policy', () => {
  it('reads the entity types of the supergraph', () => {
    const entities = readEntityTypes(supergraph);
    for (const entity of ['Chain', 'Bridge', 'Partner', 'Incident', 'PartnerContact']) expect(entities.has(entity)).toBe(true);
    for (const value of ['BridgeRoute', 'ChainConnection', 'ChainHealth', 'IncidentUpdate']) expect(entities.has(value)).toBe(false);
  });

  it('makes an answer depend on what it selects, what its value types hold, and lists that came back empty', () => {
    const open = plan(`{ chain(slug: "base") { name incidents(open: true) { title } } }`);
    expect(open.dependsOn).toEqual(expect.arrayContaining(['Chain', 'Incident']));
    expect(open.ttlMs).toBe(10_000);
    // No chain in the answer, but a created chain changes it.
    expect(plan(`{ chains(first: 1) { pageInfo { hasNextPage } } }`).dependsOn).toEqual(expect.arrayContaining(['ChainConnection', 'Chain', 'PageInfo']));
    const catalogue = plan(`{ chains(first: 5) { nodes { name } } }`);
    expect(catalogue.dependsOn).not.toContain('Incident');
    expect(catalogue.ttlMs).toBe(300_000);
    expect(plan(`{ chain(slug: "base") { health { status } } }`).ttlMs).toBe(1000);
    expect(plan(`{ bridge(slug: "x") { health { status } } }`).ttlMs).toBe(1000);
    expect(plan(`{ chain(slug: "base") { metrics(metric: HEAD_AGE_SECONDS, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", bucket: ONE_HOUR) { unit points { avg } } } }`).ttlMs).toBe(30_000);
  });

  it('never caches API keys or introspection', () => {
    expect(plan(`{ apiKeys(first: 1) { nodes { prefix } } }`).uncacheable).toBe('Query.apiKeys');
    expect(plan(`{ partner(slug: "x") { apiKeys { prefix } } }`).uncacheable).toBe('Partner.apiKeys');
    expect(plan(`{ __schema { queryType { name } } }`).uncacheable).toBe('introspection');
    expect(plan(`{ partners(first: 1) { nodes { name contacts { email } } } }`).uncacheable).toBeUndefined();
  });

  it('invalidates what a mutation returns with the value types under it, and the entities its …Id arguments name', () => {
    expect(invalidated(`mutation { createBridge(input: {}) { id } }`)).toEqual(expect.arrayContaining(['Bridge', 'BridgeRoute', 'BridgeContract', 'BridgeHealth']));
    expect(invalidated(`mutation { createBridge(input: {}) { id } }`)).not.toContain('Chain');
    expect(invalidated(`mutation { addRpcEndpoint(chainId: "1", input: {}) { id } }`)).toEqual(expect.arrayContaining(['RpcEndpoint', 'Chain']));
    const incident = invalidated(`mutation { createIncident(input: {}) { id } }`);
    expect(incident).toEqual(expect.arrayContaining(['Incident', 'IncidentUpdate']));
    expect(incident).not.toContain('Chain');
    expect(incident).not.toContain('Partner');
    expect(invalidated(`mutation M { ... on Mutation { updateChain(id: "1", input: {}) { id } } }`)).toContain('Chain');
  });

  it('gives callers with the same role, partner and scopes one view, whatever their key', () => {
    expect(callerView({ role: 'PUBLIC' })).toBe('PUBLIC');
    expect(callerView({ role: 'PARTNER', partnerId: 'p1', scopes: ['b', 'a'], keyId: 'k1' })).toBe(callerView({ role: 'PARTNER', partnerId: 'p1', scopes: ['a', 'b'], keyId: 'k2' }));
    expect(callerView({ role: 'PARTNER', partnerId: 'p1', scopes: ['a'] })).not.toBe(callerView({ role: 'PARTNER', partnerId: 'p2', scopes: ['a'] }));
    expect(callerView({ role: 'PARTNER', partnerId: 'p1', scopes: ['a'] })).not.toBe(callerView({ role: 'PARTNER', partnerId: 'p1', scopes: ['a', 'b'] }));
  });
});

describe('response cache TTLs', () => {
  it('reads COORDINATE=DURATION lists and names what is wrong', () => {
    expect(parseCacheTtls('Chain.health=2s,Incident=500ms,default=10m,Bridge.health=0s')).toEqual({
      ok: true,
      ttls: { 'Chain.health': 2000, Incident: 500, default: 600_000, 'Bridge.health': 0 },
    });
    expect(parseCacheTtls('Chain.health=2')).toEqual({ ok: false, problem: expect.stringContaining('"Chain.health=2" is not COORDINATE=DURATION') });
    expect(parseCacheTtls('Incident=1s,Incident=2s')).toEqual({ ok: false, problem: 'Incident is given twice; give each coordinate once' });
    expect(parseCacheTtls('default=25h')).toEqual({ ok: false, problem: '"default=25h": DURATION must be at most 24h' });
  });

  it('is on by default with the documented TTLs, and off with GATEWAY_RESPONSE_CACHE=off', () => {
    expect(responseCacheFromEnv(parseEnv(responseCacheEnv, {}))).toEqual({ enabled: true, ttls: undefined });
    expect(responseCacheFromEnv(parseEnv(responseCacheEnv, { GATEWAY_RESPONSE_CACHE: 'off', GATEWAY_RESPONSE_CACHE_TTLS: 'Chain.health=3s' }))).toEqual({
      enabled: false,
      ttls: { 'Chain.health': 3000 },
    });
    expect(() => parseEnv(responseCacheEnv, { GATEWAY_RESPONSE_CACHE_TTLS: 'nope' })).toThrow(/GATEWAY_RESPONSE_CACHE_TTLS/);
    expect(DEFAULT_RESPONSE_CACHE_TTLS).toMatchObject({ default: 300_000, 'Chain.health': 1000, 'Bridge.health': 1000, Incident: 10_000, 'Chain.metrics': 30_000 });
  });
});

describe('memory response cache store', () => {
  it('never serves an answer computed before an invalidation of a type it depends on, even when stored after it', async () => {
    const store = createMemoryResponseCacheStore();
    const { clock } = await store.lookup('k');
    await store.invalidate(['Incident']); // a mutation finishes while the query runs
    await store.store('k', { result: { data: { stale: true } }, clock: clock!, dependsOn: ['Chain', 'Incident'] }, 60_000);
    expect((await store.lookup('k')).result).toBeUndefined();

    const fresh = await store.lookup('k');
    await store.store('k', { result: { data: { fresh: true } }, clock: fresh.clock!, dependsOn: ['Chain', 'Incident'] }, 60_000);
    expect((await store.lookup('k')).result).toEqual({ data: { fresh: true } });
    await store.invalidate(['Bridge']);
    expect((await store.lookup('k')).result).toEqual({ data: { fresh: true } });
    await store.invalidate(['Chain']);
    expect((await store.lookup('k')).result).toBeUndefined();
  });

  it('stays within its memory bound', async () => {
    const store = createMemoryResponseCacheStore({ maxBytes: 8000 });
    const big = { data: { text: 'x'.repeat(900) } };
    for (let index = 0; index < 20; index++) await store.store(`k${index}`, { result: big, clock: 0, dependsOn: [] }, 60_000);
    const kept = (await Promise.all(Array.from({ length: 20 }, (_, index) => store.lookup(`k${index}`)))).filter((lookup) => lookup.result).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(8);
    expect((await store.lookup('k19')).result).toEqual(big);
  });
});
