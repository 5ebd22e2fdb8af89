import { runSubgraph } from '@junction/federation';
import { loadChainsConfig } from './config';
import { createServer } from './server';

/** Runs the chains subgraph on its own (the distributed layout). */
runSubgraph('chains', () => {
  const config = loadChainsConfig();
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    port: config.CHAINS_PORT,
    host: config.CHAINS_HOST,
    create: (store) =>
      createServer({ store, dbSchema: config.CHAINS_DB_SCHEMA, seed: config.JUNCTION_SEED, principalSecret: config.JUNCTION_PRINCIPAL_SECRET }),
  };
});
