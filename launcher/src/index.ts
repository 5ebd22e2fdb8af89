import { loadLauncherConfig } from './config';
import { createStack } from './stack';

/** `npm start`: the whole federation in one process on embedded defaults. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadLauncherConfig();
  const stack = await createStack({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.JUNCTION_DATA_DIR,
    seed: config.JUNCTION_SEED,
    principalSecret: config.JUNCTION_PRINCIPAL_SECRET,
    ports: {
      gateway: config.GATEWAY_PORT,
      partners: config.PARTNERS_PORT,
      chains: config.CHAINS_PORT,
      bridges: config.BRIDGES_PORT,
      incidents: config.INCIDENTS_PORT,
    },
    gatewayHost: config.GATEWAY_HOST,
    redisUrl: config.REDIS_URL,
    bridgesSampler:
      config.BRIDGES_SAMPLE_INTERVAL_MS === 0
        ? false
        : { intervalMs: config.BRIDGES_SAMPLE_INTERVAL_MS, retentionHours: config.BRIDGES_SAMPLE_RETENTION_HOURS },
    sampler:
      config.CHAINS_SAMPLE_INTERVAL_MS === 0
        ? false
        : {
            intervalMs: config.CHAINS_SAMPLE_INTERVAL_MS,
            retentionHours: config.CHAINS_SAMPLE_RETENTION_HOURS,
            chainFilter: config.CHAINS_SAMPLE_CHAINS && ((chain) => config.CHAINS_SAMPLE_CHAINS!.includes(chain.slug)),
          },
    devnet: config.JUNCTION_DEVNET,
    logLevel: config.LOG_LEVEL,
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`Junction is ready in ${seconds}s: ${stack.urls.gateway} (store: ${stack.store.kind})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining and closing…`);
    await stack.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
