import { openEventBus } from '@junction/events';
import { createEntityDirectory, runSubgraph } from '@junction/federation';
import { createLogger } from '@junction/observability';
import { loadIncidentsConfig } from './config';
import { createServer } from './server';

/** Runs the incidents subgraph on its own (the distributed layout). */
runSubgraph('incidents', () => {
  const config = loadIncidentsConfig();
  const directory = createEntityDirectory({ owners: { Chain: config.CHAINS_URL, Bridge: config.BRIDGES_URL, Partner: config.PARTNERS_URL }, principalSecret: config.JUNCTION_PRINCIPAL_SECRET });
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    port: config.INCIDENTS_PORT,
    host: config.INCIDENTS_HOST,
    create: (store, { observability, onClose }) => {
      const log = (observability.logger ?? createLogger()).child({ service: 'incidents' });
      const events = openEventBus({ redisUrl: config.REDIS_URL, onHandlerError: (error, topic) => log.error({ err: error, topic }, 'An event handler failed.') });
      onClose(() => events.close());
      return createServer({
        store,
        observability,
        events,
        webhooks: { allowPrivateNetworks: config.WEBHOOKS_ALLOW_PRIVATE_NETWORKS },
        webhookSecretKeys: config.WEBHOOK_SECRET_KEYS,
        dbSchema: config.INCIDENTS_DB_SCHEMA,
        seed: config.JUNCTION_SEED,
        principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
        directory,
      });
    },
  };
});
