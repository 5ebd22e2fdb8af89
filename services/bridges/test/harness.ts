import { createServer, type BridgesService } from '@junction/bridges';
import { createServer as createChainsServer, type ChainsService } from '@junction/chains';
import { createEntityDirectory, seedId, type EntityDirectory } from '@junction/federation';
import { createServer as createPartnersServer, type PartnersService } from '@junction/partners';
import { openTestStore, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';

/** One `findMissing` call the bridges subgraph made. */
export interface DirectoryCall {
  typename: string;
  ids: string[];
}

/** Row counts of the bridges schema, to prove a rejected mutation wrote nothing. */
export interface RowCounts {
  bridge: number;
  bridge_contract: number;
  bridge_route: number;
}

/** The bridges subgraph under test, beside the real chains and partners subgraphs it checks ids with. */
export interface BridgesHarness {
  /** The bridges service (its `db.queries` counts statements). */
  service: BridgesService;
  /** `/graphql` of the bridges subgraph. */
  url: string;
  /** Every `findMissing` call the bridges subgraph made, in order (the calls still go to the real owners). */
  directoryCalls: DirectoryCall[];
  /** The owner URL of each entity type the directory asks; a test may point one elsewhere and restore it. */
  owners: Record<string, string>;
  /** Row counts of the bridges tables. */
  rowCounts(): Promise<RowCounts>;
  /** Closes the three services and the store. */
  close(): Promise<void>;
}

/**
 * Starts chains, partners and bridges (all seeded) on one test store. The directory's owner URLs are filled in once
 * each subgraph listens, so partners can check Bridge ids with bridges and bridges can check Chain and Partner ids
 * with the real chains and partners subgraphs.
 */
export async function startBridges(): Promise<BridgesHarness> {
  const testStore: TestStore = await openTestStore();
  const owners: Record<string, string> = {};
  const directory = createEntityDirectory({ owners, principalSecret: TEST_PRINCIPAL_SECRET, timeoutMs: 5000 });
  const directoryCalls: DirectoryCall[] = [];
  const recordingDirectory: EntityDirectory = {
    findMissing(typename, ids) {
      directoryCalls.push({ typename, ids: [...ids] });
      return directory.findMissing(typename, ids);
    },
  };
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const common = { store: testStore.store, seed: true, principalSecret: TEST_PRINCIPAL_SECRET };
    const chains: ChainsService = await createChainsServer({ ...common, dbSchema: testStore.schema('chains') });
    started.push(chains);
    owners.Chain = await chains.server.listen(0);
    const partners: PartnersService = await createPartnersServer({ ...common, dbSchema: testStore.schema('partners'), directory });
    started.push(partners);
    const dbSchema = testStore.schema('bridges');
    const service = await createServer({ ...common, dbSchema, directory: recordingDirectory, chainsUrl: owners.Chain });
    started.push(service);
    owners.Partner = await partners.server.listen(0);
    const url = await service.server.listen(0);
    owners.Bridge = url;
    return {
      service,
      url,
      directoryCalls,
      owners,
      async rowCounts() {
        const [counts] = await service.db.dataSource.query(
          `SELECT (SELECT count(*)::int FROM "${dbSchema}".bridge) AS bridge,
                  (SELECT count(*)::int FROM "${dbSchema}".bridge_contract) AS bridge_contract,
                  (SELECT count(*)::int FROM "${dbSchema}".bridge_route) AS bridge_route`,
        );
        return counts as RowCounts;
      },
      async close() {
        for (const handle of started.reverse()) await handle.close();
        await testStore.close();
      },
    };
  } catch (error) {
    for (const handle of started.reverse()) await handle.close();
    await testStore.close();
    throw error;
  }
}

/** The seed id of a chain. */
export const chainId = (slug: string) => seedId('chain', slug);
/** The seed id of a partner. */
export const partnerId = (slug: string) => seedId('partner', slug);
/** The seed id of a bridge. */
export const bridgeId = (slug: string) => seedId('bridge', slug);

/** A UUID no subgraph knows. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
