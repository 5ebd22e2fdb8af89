import { openStore } from '@junction/db';
import { createEntityDirectory } from '@junction/federation';
import { loadIncidentsConfig } from './config';
import { createServer } from './server';

/** Runs the incidents subgraph on its own (the distributed layout). */
async function main(): Promise<void> {
  const config = loadIncidentsConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.JUNCTION_DATA_DIR });
  const directory = createEntityDirectory({
    owners: { Chain: config.CHAINS_URL, Bridge: config.BRIDGES_URL, Partner: config.PARTNERS_URL },
  });
  const service = await createServer({
    store,
    dbSchema: config.INCIDENTS_DB_SCHEMA,
    seed: config.JUNCTION_SEED,
    principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
    directory,
  });
  const url = await service.server.listen(config.INCIDENTS_PORT, config.INCIDENTS_HOST);
  console.log(JSON.stringify({ level: 'info', msg: 'incidents subgraph listening', url }));
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
