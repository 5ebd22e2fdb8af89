import { openReadThroughCache } from '@junction/cache';
import { runSubgraph } from '@junction/federation';
import { loadChainsConfig, type ChainsConfig } from './config';
import { createServer, type ChainsSamplerOptions } from './server';

/** The sampler as the environment configures it. */
function samplerOptions(config: ChainsConfig): ChainsSamplerOptions {
  const slugs = config.CHAINS_SAMPLE_CHAINS;
  return {
    intervalMs: config.CHAINS_SAMPLE_INTERVAL_MS,
    retentionHours: config.CHAINS_SAMPLE_RETENTION_HOURS,
    chainFilter: slugs && ((chain) => slugs.includes(chain.slug)),
  };
}

/** Runs the chains subgraph on its own (the distributed layout). */
runSubgraph('chains', () => {
  const config = loadChainsConfig();
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    port: config.CHAINS_PORT,
    host: config.CHAINS_HOST,
    create: async (store, { observability, onClose }) => {
      const opened = await openReadThroughCache({ redisUrl: config.REDIS_URL });
      onClose(() => opened.close());
      return createServer({
        store,
        observability,
        cache: opened.cache,
        dbSchema: config.CHAINS_DB_SCHEMA,
        seed: config.JUNCTION_SEED,
        principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
        sampler: config.CHAINS_SAMPLE_INTERVAL_MS === 0 ? false : samplerOptions(config),
      });
    },
  };
});
