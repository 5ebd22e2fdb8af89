import { createLogger, createTracing, shutdownOnSignals } from '@junction/observability';
import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

/**
 * Runs the gateway on its own (the distributed layout). On SIGTERM/SIGINT it drains (see `Gateway.close`), flushes
 * its traces and exits 0.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger({ level: config.logLevel });
  const tracing = config.otlpEndpoint ? createTracing({ endpoint: config.otlpEndpoint, serviceName: 'junction-gateway' }) : undefined;
  const gateway = createGateway(config, { logger, tracer: tracing?.tracer });
  const url = await gateway.listen(config.port, config.host);
  logger.info({ service: 'gateway', url }, 'gateway listening');
  shutdownOnSignals({
    logger: logger.child({ service: 'gateway' }),
    timeoutMs: (config.drainTimeoutMs ?? 10_000) + 20_000,
    stop: async () => {
      await gateway.close();
      await tracing?.shutdown();
    },
  });
}

main().catch((error: unknown) => {
  createLogger().error({ service: 'gateway', err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
