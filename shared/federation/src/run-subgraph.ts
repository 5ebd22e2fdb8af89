import { openStore, type Store } from '@junction/db';
import { createLogger, createTracing, loadObservabilityConfig, shutdownOnSignals } from '@junction/observability';
import type { SubgraphObservability } from './observability/subgraph-observability';
import type { SubgraphService } from './subgraph-service';

/** What {@link runSubgraph} hands the service it starts. */
export interface SubgraphHost {
  /** Logs, `/metrics`, traces and the drain timeout, from the environment: pass it to the service's `createServer`. */
  observability: SubgraphObservability;
  /** Registers something the service uses but does not own (a Redis connection) to close after the service stops. */
  onClose(close: () => Promise<void>): void;
}

/** What {@link runSubgraph} needs, read from the service's validated configuration. */
export interface RunSubgraphParameters {
  /** PostgreSQL server URL; unset means the embedded store. */
  databaseUrl?: string;
  /** Embedded store directory. */
  dataDir: string;
  /** Port to listen on. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Builds the service on the opened store. */
  create(store: Store, host: SubgraphHost): Promise<SubgraphService>;
}

/**
 * The body of a service's `index.ts` for the distributed layout: reads the configuration (and `LOG_LEVEL`,
 * `JUNCTION_METRICS`, `JUNCTION_DRAIN_TIMEOUT_MS`, `OTEL_EXPORTER_OTLP_ENDPOINT`), opens the store, builds and
 * starts the service. On SIGTERM/SIGINT: `/readyz` turns 503, no new connection is accepted, in-flight requests
 * finish (up to the drain timeout), then the service, what it registered with `onClose`, the store and the tracer
 * close, and the process exits 0. A start-up failure prints its message (configuration errors say what to set)
 * and exits 1.
 */
export function runSubgraph(name: string, configure: () => RunSubgraphParameters): void {
  let logger = createLogger();
  const main = async () => {
    const settings = loadObservabilityConfig();
    logger = createLogger({ level: settings.logLevel });
    const { databaseUrl, dataDir, port, host, create } = configure();
    const tracing = settings.otlpEndpoint ? createTracing({ endpoint: settings.otlpEndpoint, serviceName: `junction-${name}` }) : undefined;
    const closers: Array<() => Promise<void>> = [];
    const store = await openStore({ databaseUrl, dataDir });
    const observability: SubgraphObservability = {
      logger,
      metricsEndpoint: settings.metricsEndpoint,
      tracer: tracing?.tracer,
      drainTimeoutMs: settings.drainTimeoutMs,
    };
    const service = await create(store, { observability, onClose: (close) => closers.push(close) });
    const url = await service.server.listen(port, host);
    logger.info({ service: name, url }, `${name} subgraph listening`);
    shutdownOnSignals({
      logger: logger.child({ service: name }),
      timeoutMs: settings.drainTimeoutMs + 20_000,
      stop: async () => {
        await service.close();
        for (const close of closers.reverse()) await close();
        await store.close();
        await tracing?.shutdown();
      },
    });
  };
  main().catch((error: unknown) => {
    logger.error({ service: name, err: error }, error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
