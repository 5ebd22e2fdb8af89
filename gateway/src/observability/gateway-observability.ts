import { Logger as HiveLogger, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { closeWebSockets, createLogger, drainHttpServer, type Logger, type WebSocketServerLike } from '@junction/observability';
import type { EventBus } from '@junction/events';
import type { Principal } from '@junction/federation/identity';
import type { Tracer } from '@opentelemetry/api';
import type { Redis } from 'ioredis';
import type { Server } from 'node:http';
import { useMetricsEndpoint } from '../plugins/use-metrics-endpoint';
import { useReadiness } from '../plugins/use-readiness';
import { useRequestId } from '../plugins/use-request-id';
import { useRequestTelemetry } from '../plugins/use-request-telemetry';
import { useTracing } from '../plugins/use-tracing';
import { DependencyReadiness, type ReadinessDependency } from './dependency-readiness';
import { GatewayMetrics } from './gateway-metrics';
import { PinoLogWriter } from './pino-log-writer';
import { RequestFacts } from './request-facts';

/** What the gateway gets from its host besides its configuration. */
export interface GatewayDependencies {
  /** The process's JSON logger; the gateway logs through a child with `service: 'gateway'`. @default JSON lines on stdout at `config.logLevel` */
  logger?: Logger;
  /** Traces requests and subgraph fetches (see `createTracing`). @default undefined (no spans are made) */
  tracer?: Tracer;
  /**
   * The event bus incident events arrive on (the host's, shared with the incidents service; the host closes it):
   * each one makes cached answers holding incidents stale. @default one on `config.redisUrl` when set, else none
   */
  events?: EventBus;
}

/** Parameters of {@link createGatewayObservability}. */
export interface GatewayObservabilityParameters {
  /** The log level of the runtime's lines. */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Serve `/metrics`. @default true */
  metricsEndpoint?: boolean;
  /** How long `drain` lets in-flight requests finish. @default 10000 */
  drainTimeoutMs?: number;
  /** How long a readiness report is reused. @default 2000 */
  readinessCacheMs?: number;
  /** Every subgraph's URL by name (see `subgraphUrls`): their `/readyz` are checked, and fetches are labelled with the subgraph's name. */
  subgraphUrls: Record<string, string>;
  /** The gateway's Redis, checked by readiness when there is one. */
  redis?: Redis;
  /** The host's logger and tracer. */
  dependencies: GatewayDependencies;
}

/** The gateway's logs, metrics, traces, readiness and shutdown, ready to plug into the runtime. */
export interface GatewayObservability {
  /** The gateway's metrics (the response cache increments `responseCacheHits` / `responseCacheMisses`). */
  metrics: GatewayMetrics;
  /** The logger of the gateway's own lines (`service: 'gateway'`). */
  logger: Logger;
  /** The runtime's logger, writing through {@link logger}: pass it as `logging`. */
  logging: HiveLogger;
  /** Notes a request the response cache answered (no operation was parsed): its log line and metrics say `query`, with its caller. */
  recordCacheHit(request: Request, hit: { principal: Principal; operationName?: string }): void;
  /** The plugins, to register last (their `onResponse` must see the answer as it will be sent). */
  plugins: GatewayPlugin[];
  /**
   * WebSocket servers attached to the gateway's HTTP server: {@link drain} closes their clients with 1001 (going
   * away). The gateway adds its GraphQL over WebSocket server (`/graphql`) here.
   */
  webSocketServers: Set<WebSocketServerLike>;
  /**
   * Shuts the HTTP side down: `/readyz` answers 503 from now on, no new connection is accepted, WebSockets are closed
   * with 1001, and in-flight requests finish (up to the drain timeout; then their connections are cut).
   */
  drain(http: Server): Promise<void>;
}

/** Builds the gateway's observability from its configuration. */
export function createGatewayObservability({
  logLevel,
  metricsEndpoint = true,
  drainTimeoutMs = 10_000,
  readinessCacheMs = 2000,
  subgraphUrls,
  redis,
  dependencies,
}: GatewayObservabilityParameters): GatewayObservability {
  const logger = (dependencies.logger ?? createLogger({ level: logLevel })).child({ service: 'gateway' });
  const metrics = new GatewayMetrics();
  const facts = new RequestFacts();
  const namesByUrl = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
  const subgraphOf = (url: string) => namesByUrl.get(url);
  const readinessDependencies: ReadinessDependency[] = Object.entries(subgraphUrls).map(([name, url]) => ({
    name: `subgraph:${name}`,
    async check() {
      const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    },
  }));
  if (redis) readinessDependencies.push({ name: 'redis', check: async () => void (await redis.ping()) });
  const readiness = new DependencyReadiness({ dependencies: readinessDependencies, cacheMs: readinessCacheMs });
  let draining = false;
  const webSocketServers = new Set<WebSocketServerLike>();
  const plugins: GatewayPlugin[] = [
    ...(metricsEndpoint ? [useMetricsEndpoint({ registry: metrics.registry })] : []),
    useRequestId({ facts }),
    ...(dependencies.tracer ? [useTracing({ tracer: dependencies.tracer, facts, subgraphOf })] : []),
    useRequestTelemetry({ facts, metrics, logger, subgraphOf }),
    useReadiness({ dependencies: readiness, draining: () => draining }),
  ];
  return {
    metrics,
    logger,
    logging: new HiveLogger({ level: logLevel, writers: [new PinoLogWriter(logger)] }),
    plugins,
    recordCacheHit(request, { principal, operationName }) {
      const fact = facts.of(request);
      if (!fact) return;
      Object.assign(fact, { operationType: 'query', operationName, principal });
    },
    webSocketServers,
    async drain(http) {
      draining = true;
      const [{ drained }] = await Promise.all([drainHttpServer(http, { timeoutMs: drainTimeoutMs }), closeWebSockets(webSocketServers, { timeoutMs: drainTimeoutMs })]);
      if (!drained) logger.warn({ drainTimeoutMs }, 'Requests still in flight after the drain timeout were cut.');
    },
  };
}
