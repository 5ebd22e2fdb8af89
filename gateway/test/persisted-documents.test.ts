import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGatewayConfig } from '../src/config';
import { parseDocumentDigest } from '../src/persisted-documents/document-digest';
import { createMemoryApqStore } from '../src/persisted-documents/memory-apq-store';
import { readTrustedDocuments } from '../src/persisted-documents/read-trusted-documents';

// Trusted documents and APQ: their configuration, the manifest formats read, and the bounds of the memory store.
// The behaviour through the gateway is in test/edge-trusted-documents.test.ts.

const SECRET = { JUNCTION_PRINCIPAL_SECRET: 'a-test-secret-of-at-least-thirty-two-characters' };
const supergraph = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const CHAIN_NAME = 'query ChainName { chain(slug: "base") { name } }';

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'junction-persisted-documents-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('persisted documents configuration', () => {
  it('is off with APQ on when nothing is set, and enforces a manifest unless told to allow', () => {
    expect(loadGatewayConfig(SECRET)).toMatchObject({ apq: true });
    expect(loadGatewayConfig(SECRET).trustedDocuments).toBeUndefined();
    expect(loadGatewayConfig({ ...SECRET, GATEWAY_TRUSTED_DOCUMENTS: 'ops.json', GATEWAY_APQ: 'false' })).toMatchObject({
      trustedDocuments: { path: 'ops.json', mode: 'enforce' },
      apq: false,
    });
    expect(loadGatewayConfig({ ...SECRET, GATEWAY_TRUSTED_DOCUMENTS: 'ops.json', GATEWAY_TRUSTED_DOCUMENTS_MODE: 'allow' }).trustedDocuments).toEqual({ path: 'ops.json', mode: 'allow' });
  });

  it('refuses a mode without a manifest, and values it does not know, naming the variable', () => {
    expect(() => loadGatewayConfig({ ...SECRET, GATEWAY_TRUSTED_DOCUMENTS_MODE: 'allow' })).toThrow(
      '- GATEWAY_TRUSTED_DOCUMENTS: must name the trusted documents manifest when GATEWAY_TRUSTED_DOCUMENTS_MODE is set (or unset the mode)',
    );
    expect(() => loadGatewayConfig({ ...SECRET, GATEWAY_TRUSTED_DOCUMENTS: 'ops.json', GATEWAY_TRUSTED_DOCUMENTS_MODE: 'strict' })).toThrow(/- GATEWAY_TRUSTED_DOCUMENTS_MODE: /);
    expect(() => loadGatewayConfig({ ...SECRET, GATEWAY_APQ: 'yes' })).toThrow(/- GATEWAY_APQ: /);
  });
});

describe('document ids', () => {
  it('are hex digests of SHA-256, SHA-1 or MD5, optionally prefixed with the algorithm', () => {
    const hex = digest('sha256', CHAIN_NAME);
    expect(parseDocumentDigest(hex)).toEqual({ algorithm: 'sha256', hex });
    expect(parseDocumentDigest(`sha256:${hex.toUpperCase()}`)).toEqual({ algorithm: 'sha256', hex });
    expect(parseDocumentDigest(digest('sha1', CHAIN_NAME))).toEqual({ algorithm: 'sha1', hex: digest('sha1', CHAIN_NAME) });
    expect(parseDocumentDigest(digest('md5', CHAIN_NAME))).toEqual({ algorithm: 'md5', hex: digest('md5', CHAIN_NAME) });
    expect(parseDocumentDigest(`sha1:${hex}`)).toBeNull();
    expect(parseDocumentDigest('ChainName')).toBeNull();
    expect(parseDocumentDigest(hex.slice(1))).toBeNull();
  });
});

describe('trusted documents manifest', () => {
  const write = (name: string, content: unknown) => {
    const file = path.join(workDir, name);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('reads a Relay-style manifest keyed by MD5 and finds each document by that id and by its SHA-256', () => {
    const documents = readTrustedDocuments({ path: write('relay.json', { [digest('md5', CHAIN_NAME)]: CHAIN_NAME }), supergraph });
    expect(documents.size).toBe(1);
    expect(documents.get(digest('md5', CHAIN_NAME))).toBe(CHAIN_NAME);
    expect(documents.get(`sha256:${digest('sha256', CHAIN_NAME)}`)).toBe(CHAIN_NAME);
    expect(documents.get(digest('sha1', CHAIN_NAME))).toBeUndefined();
  });

  it('reads only version 1 of the Apollo format and names operations without an id by position', () => {
    expect(() => readTrustedDocuments({ path: write('apollo-v2.json', { format: 'apollo-persisted-query-manifest', version: 2, operations: [] }), supergraph })).toThrow(
      'it is version 2 of the Apollo persisted query manifest; only version 1 is read.',
    );
    const file = write('apollo-no-id.json', { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ name: 'ChainName', body: CHAIN_NAME }] });
    expect(() => readTrustedDocuments({ path: file, supergraph })).toThrow('- entry operations[0]: it has no "id" string.');
  });
});

describe('memory APQ store', () => {
  it('keeps at most its number of queries and its characters in all, dropping the least recently used', async () => {
    const store = createMemoryApqStore({ maxEntries: 2, maxCharacters: 10 });
    await store.set('a', '{ a }');
    await store.set('b', '{ b }');
    await store.set('c', '{ c }');
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual([undefined, '{ b }', '{ c }']);
    await store.set('d', '{ dddd }');
    expect([await store.get('b'), await store.get('c'), await store.get('d')]).toEqual([undefined, undefined, '{ dddd }']);
  });
});
