import { openStore } from '@junction/db';
import { loadChainsConfig } from './config';
import { createServer } from './server';

/** Runs the chains subgraph on its own (the distributed layout). */
async function main(): Promise<void> {
  const config = loadChainsConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.JUNCTION_DATA_DIR });
  const service = await createServer({ store, dbSchema: config.CHAINS_DB_SCHEMA, seed: config.JUNCTION_SEED,
    principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
  });
  const url = await service.server.listen(config.CHAINS_PORT, config.CHAINS_HOST);
  console.log(JSON.stringify({ level: 'info', msg: 'chains subgraph listening', url }));
  const stop = async () => {
    await service.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
