import { createServer as createChains, type ChainsService } from '@junction/chains';
import { createGateway } from '@junction/gateway';
import { graphqlRequest, openTestStore, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The gateway serves whatever supergraph file its config names: here one composed from the chains subgraph alone.

let testStore: TestStore;
let chains: ChainsService;
let chainsUrl: string;
let workDir: string;
let supergraphPath: string;

beforeAll(async () => {
  testStore = await openTestStore();
  chains = await createChains({ store: testStore.store, dbSchema: testStore.schema('chains'), seed: true, principalSecret: TEST_PRINCIPAL_SECRET });
  chainsUrl = await chains.server.listen(0);
  const sdl = readFileSync(path.resolve(__dirname, '../../services/chains/schema.graphql'), 'utf8');
  const composed = composeServices([{ name: 'chains', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(sdl) }]);
  if (composed.errors) throw composed.errors[0];
  workDir = mkdtempSync(path.join(tmpdir(), 'junction-gateway-'));
  supergraphPath = path.join(workDir, 'chains-only.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);
});

afterAll(async () => {
  await chains.close();
  await testStore.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('gateway', () => {
  it('serves the supergraph file it is given, at the subgraph URLs its config names', async () => {
    const gateway = createGateway({ supergraphPath, subgraphUrls: { chains: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET, logLevel: 'error' });
    const url = await gateway.listen(0, '127.0.0.1');
    try {
      const { data, errors } = await graphqlRequest(url, `{ chain(slug: "linea") { chainId settlement { slug } } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ chain: { chainId: 59144, settlement: { slug: 'ethereum' } } });
      const unknownField = await graphqlRequest(url, `{ bridges(first: 1) { nodes { id } } }`);
      expect(unknownField.errors?.[0].message).toContain('Cannot query field "bridges" on type "Query"');
    } finally {
      await gateway.close();
    }
  });

  it('signs requests for the subgraphs with the shared secret: a gateway with another secret is refused', async () => {
    const gateway = createGateway({ supergraphPath, subgraphUrls: { chains: chainsUrl }, principalSecret: 'another-secret-that-the-subgraph-does-not-share', logLevel: 'error' });
    const url = await gateway.listen(0, '127.0.0.1');
    try {
      const { data, errors } = await graphqlRequest(url, `{ chain(slug: "linea") { name } }`);
      expect(data?.chain ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await gateway.close();
    }
  });

  it('fails at start-up with a sentence naming the setting when the supergraph file is missing', () => {
    expect(() =>
      createGateway({ supergraphPath: path.join(workDir, 'missing.graphql'), subgraphUrls: {}, principalSecret: TEST_PRINCIPAL_SECRET, logLevel: 'error' }),
    ).toThrow(`Cannot read the supergraph at ${path.join(workDir, 'missing.graphql')}; set GATEWAY_SUPERGRAPH_PATH to a composed supergraph file.`);
  });
});
