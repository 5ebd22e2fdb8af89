import { openReadThroughCache } from '@junction/cache';
import { createEntityDirectory, runSubgraph } from '@junction/federation';
import { loadBridgesConfig } from './config';
import { createServer } from './server';

/** Runs the bridges subgraph on its own (the distributed layout). */
runSubgraph('bridges', () => {
  const config = loadBridgesConfig();
  const directory = createEntityDirectory({ owners: { Chain: config.CHAINS_URL, Partner: config.PARTNERS_URL }, principalSecret: config.JUNCTION_PRINCIPAL_SECRET });
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    port: config.BRIDGES_PORT,
    host: config.BRIDGES_HOST,
    create: async (store, { observability, onClose }) => {
      const opened = await openReadThroughCache({ redisUrl: config.REDIS_URL });
      onClose(() => opened.close());
      return createServer({
        store,
        observability,
        cache: opened.cache,
        dbSchema: config.BRIDGES_DB_SCHEMA,
        seed: config.JUNCTION_SEED,
        principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
        directory,
        chainsUrl: config.CHAINS_URL,
        sampler: config.BRIDGES_SAMPLE_INTERVAL_MS === 0 ? false : { intervalMs: config.BRIDGES_SAMPLE_INTERVAL_MS, retentionHours: config.BRIDGES_SAMPLE_RETENTION_HOURS },
      });
    },
  };
});
