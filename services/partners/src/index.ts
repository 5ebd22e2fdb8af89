import { createEntityDirectory, runSubgraph } from '@junction/federation';
import { loadPartnersConfig } from './config';
import { createServer } from './server';

/** Runs the partners subgraph on its own (the distributed layout). */
runSubgraph('partners', () => {
  const config = loadPartnersConfig();
  const directory = createEntityDirectory({ owners: { Chain: config.CHAINS_URL, Bridge: config.BRIDGES_URL }, principalSecret: config.JUNCTION_PRINCIPAL_SECRET });
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    port: config.PARTNERS_PORT,
    host: config.PARTNERS_HOST,
    create: (store, { observability }) =>
      createServer({
        store,
        observability,
        dbSchema: config.PARTNERS_DB_SCHEMA,
        seed: config.JUNCTION_SEED,
        principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
        directory,
      }),
  };
});
