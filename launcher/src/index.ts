import { persistedDocumentsFromEnv, protectionFromEnv, responseCacheFromEnv } from '@junction/gateway';
import { createLogger, observabilityFromEnv, shutdownOnSignals } from '@junction/observability';
import { loadLauncherConfig } from './config';
import { localWebhookSecretKeys } from './local-webhook-secret-keys';
import { createStack } from './stack';

/**
 * `npm start`: the whole federation in one process on embedded defaults. On SIGTERM/SIGINT the gateway drains
 * first (its `/readyz` turns 503), then the subgraphs, the devnet, Redis and the store close, and it exits 0.
 */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadLauncherConfig();
  const observability = observabilityFromEnv(config);
  const logger = createLogger({ level: observability.logLevel });
  const stack = await createStack({
    logger,
    metricsEndpoint: observability.metricsEndpoint,
    otlpEndpoint: observability.otlpEndpoint,
    drainTimeoutMs: observability.drainTimeoutMs,
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
    rateLimits: config.GATEWAY_RATE_LIMITS,
    trustProxy: config.GATEWAY_TRUST_PROXY,
    protection: protectionFromEnv(config),
    responseCache: responseCacheFromEnv(config),
    ...persistedDocumentsFromEnv(config),
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
    webhooks: { allowPrivateNetworks: config.WEBHOOKS_ALLOW_PRIVATE_NETWORKS },
    webhookSecretKeys: config.WEBHOOK_SECRET_KEYS ?? localWebhookSecretKeys(config.JUNCTION_DATA_DIR),
    logLevel: config.LOG_LEVEL,
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  logger.info({ service: 'launcher', url: stack.urls.gateway, store: stack.store.kind }, `Junction is ready in ${seconds}s: ${stack.urls.gateway} (store: ${stack.store.kind})`);
  shutdownOnSignals({
    logger: logger.child({ service: 'launcher' }),
    timeoutMs: observability.drainTimeoutMs * 2 + 30_000,
    stop: () => stack.close(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
