import { createServer as createBridgesServer, type BridgesService } from '@junction/bridges';
import { createServer as createChainsServer, type ChainsService } from '@junction/chains';
import { createEntityDirectory, seedId } from '@junction/federation';
import { createServer, type PartnersService } from '@junction/partners';
import { openTestStore, partnerPrincipal, principalHeaders, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The partners subgraph under test, beside the real chains and bridges subgraphs it checks ids with. */
export interface PartnersHarness {
  /** The partners service (its `db.queries` counts statements). */
  service: PartnersService;
  /** `/graphql` of the partners subgraph. */
  url: string;
  /** How many rows a table of the partners schema holds. */
  rowCount(table: string): Promise<number>;
  /** Closes the services and the store. */
  close(): Promise<void>;
}

/** A URL on which nothing listens: an owner subgraph that is down. */
async function unreachableUrl(): Promise<string> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

/** Options of {@link startPartners}. */
export interface StartPartnersOptions {
  /** Start the real bridges subgraph; when false, Bridge ids are checked against an owner that is down. @default true */
  bridges?: boolean;
}

/** Starts chains, bridges and partners, all seeded, on one test store. */
export async function startPartners({ bridges: withBridges = true }: StartPartnersOptions = {}): Promise<PartnersHarness> {
  const testStore: TestStore = await openTestStore();
  const chains: ChainsService = await createChainsServer({
    store: testStore.store,
    dbSchema: testStore.schema('chains'),
    seed: true,
    principalSecret: TEST_PRINCIPAL_SECRET,
  });
  const chainsUrl = await chains.server.listen(0);
  // These tests only read bridges (its seeded catalogue), so its own reference checks need no Partner owner.
  const bridges: BridgesService | null = withBridges
    ? await createBridgesServer({
        store: testStore.store,
        dbSchema: testStore.schema('bridges'),
        seed: true,
        principalSecret: TEST_PRINCIPAL_SECRET,
        directory: createEntityDirectory({ owners: { Chain: chainsUrl }, principalSecret: TEST_PRINCIPAL_SECRET }),
        chainsUrl,
      })
    : null;
  const bridgesUrl = bridges ? await bridges.server.listen(0) : await unreachableUrl();
  const directory = createEntityDirectory({ owners: { Chain: chainsUrl, Bridge: bridgesUrl }, principalSecret: TEST_PRINCIPAL_SECRET, timeoutMs: 2000 });
  const dbSchema = testStore.schema('partners');
  const service = await createServer({ store: testStore.store, dbSchema, seed: true, principalSecret: TEST_PRINCIPAL_SECRET, directory });
  const url = await service.server.listen(0);
  return {
    service,
    url,
    async rowCount(table) {
      const [{ n }] = await service.db.dataSource.query(`SELECT count(*)::int AS n FROM "${dbSchema}".${table}`);
      return n as number;
    },
    async close() {
      await service.close();
      await bridges?.close();
      await chains.close();
      await testStore.close();
    },
  };
}

/** The seed id of a partner, chain or bridge. */
export const partnerId = (slug: string) => seedId('partner', slug);
export const chainId = (slug: string) => seedId('chain', slug);
export const bridgeId = (slug: string) => seedId('bridge', slug);

/** Signed headers of a PARTNER principal acting for `slug`. */
export function partnerHeaders(slug: string): Record<string, string> {
  return principalHeaders(partnerPrincipal(partnerId(slug)));
}
