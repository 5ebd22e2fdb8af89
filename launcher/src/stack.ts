import path from 'node:path';
import { createServer as createBridges, type BridgesSamplerOptions, type BridgesService } from '@junction/bridges';
import { createServer as createChains, type ChainsSamplerOptions, type ChainsService } from '@junction/chains';
import { openReadThroughCache, type ReadThroughCache } from '@junction/cache';
import { openStore, type Store } from '@junction/db';
import { startDevnet, type Devnet } from '@junction/devnet';
import { openEventBus, type EventBus } from '@junction/events';
import { createEntityDirectory, type SubgraphObservability } from '@junction/federation';
import { createGateway, type Gateway, type ProtectionSettings, type RateLimits, type ResponseCacheSettings, type SubscriptionLimits, type TrustedDocumentsSettings } from '@junction/gateway';
import { createServer as createIncidents, deriveWebhookSecretKeys, type IncidentsDependencies, type IncidentsService } from '@junction/incidents';
import { createServer as createPartners, type PartnersService } from '@junction/partners';
import { createLogger, createTracing, type Logger } from '@junction/observability';
import { registerDevnet } from './register-devnet';

/** Options of {@link createStack}. */
export interface StackOptions {
  /** An already opened store (tests); when absent one is opened from `databaseUrl`/`dataDir`. */
  store?: Store;
  /** PostgreSQL server URL. @default undefined (embedded PGlite) */
  databaseUrl?: string;
  /** Embedded store directory. @default '.junction' */
  dataDir?: string;
  /** PostgreSQL schema per service. @default the service's name */
  dbSchemas?: Partial<Record<SubgraphName, string>>;
  /** Fill empty stores with the seed catalogue. @default true */
  seed?: boolean;
  /** Secret between gateway and subgraphs. */
  principalSecret: string;
  /** Ports of the subgraphs (0 = any free port). @default 0 each */
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  /** Interface the gateway listens on. @default '127.0.0.1' */
  gatewayHost?: string;
  /** Path of the supergraph the gateway serves. @default the committed one */
  supergraphPath?: string;
  /** Gateway log level. @default 'warn' */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long the gateway trusts a resolved API key before asking again. @default 5000 */
  keyCacheTtlMs?: number;
  /** Redis for the shared cache and the gateway's rate limit buckets; unset keeps both in memory. @default undefined */
  redisUrl?: string;
  /** Gateway rate limits of the roles to change; the others keep the gateway's defaults. @default {} */
  rateLimits?: Partial<RateLimits>;
  /** Gateway caps on open subscriptions per principal of the roles to change; the others keep the gateway's defaults. @default {} */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** Proxies in front of the gateway whose `X-Forwarded-For` is trusted for the client address. @default 0 */
  trustProxy?: number;
  /** Gateway protection to change (query limits, cost budgets, CORS, introspection, subgraph timeouts …). @default the gateway's */
  protection?: ProtectionSettings;
  /** The gateway's response cache (Redis with `redisUrl`, else memory); `{ enabled: false }` turns it off. @default on, the gateway's TTLs */
  responseCache?: ResponseCacheSettings;
  /** The gateway's trusted documents manifest and mode. @default undefined (off) */
  trustedDocuments?: TrustedDocumentsSettings;
  /** Automatic persisted queries at the gateway (in Redis with `redisUrl`). @default true */
  apq?: boolean;
  /** A cache to use instead of building one from `redisUrl` (benchmarks). @default built from `redisUrl` */
  cache?: ReadThroughCache;
  /** A running devnet to register instead of starting one (several stacks sharing one devnet). @default undefined */
  sharedDevnet?: Devnet;
  /** Start the local devnet and put its chains in the catalogue. @default false */
  devnet?: boolean;
  /** The chains health sampler. @default false (off) */
  sampler?: ChainsSamplerOptions | false;
  /** The bridges health sampler. @default false (off) */
  bridgesSampler?: BridgesSamplerOptions | false;
  /** The JSON logger every server logs through (each adds `service`). @default JSON lines on stdout at `logLevel` */
  logger?: Logger;
  /** Serve `/metrics` on the gateway and on each subgraph (the process's own metrics on the gateway's only). @default true */
  metricsEndpoint?: boolean;
  /** OTLP/HTTP collector to export traces to; each server reports as `junction-<name>`. @default undefined (no tracing) */
  otlpEndpoint?: string;
  /** How long each server lets in-flight requests finish on `close()`, in milliseconds. @default 10000 */
  drainTimeoutMs?: number;
  /**
   * The incidents service's webhook dispatcher, or false for none (deliveries stay queued in the outbox).
   * @default on, allowed to reach private networks: the embedded layout runs where receivers are local
   */
  webhooks?: IncidentsDependencies['webhooks'];
  /**
   * The keys the incidents service encrypts webhook signing secrets with (the first seals, every one opens).
   * @default one key derived from `principalSecret` (tests, benchmarks); `npm start` passes `WEBHOOK_SECRET_KEYS` or
   * the key it keeps in its data directory, which outlives a restart as the data does
   */
  webhookSecretKeys?: IncidentsDependencies['webhookSecretKeys'];
}

/** The four subgraphs. */
export type SubgraphName = 'partners' | 'chains' | 'bridges' | 'incidents';

/** The whole federation running in this process. */
export interface Stack {
  /** The store every service uses. */
  store: Store;
  /** The built services (their DataSources and statement counters included). */
  services: { partners: PartnersService; chains: ChainsService; bridges: BridgesService; incidents: IncidentsService };
  /** The gateway. */
  gateway: Gateway;
  /** `/graphql` URLs of the gateway and each subgraph. */
  urls: Record<SubgraphName | 'gateway', string>;
  /** The read-through cache under on-chain reads. */
  cache: ReadThroughCache;
  /** The event bus (Redis pub/sub with `redisUrl`, else in-process): incidents publishes its events on it, the gateway listens. */
  events: EventBus;
  /** The local devnet, when started. */
  devnet?: Devnet;
  /** Drains and closes the gateway, then the services, the devnet, the cache, the tracers, the event bus and (if the stack opened it) the store. */
  close(): Promise<void>;
}

/**
 * The composition root: opens the store once, builds the four subgraphs on it, starts them on loopback, and
 * puts the gateway in front. Used by `npm start`, by the end-to-end tests and by the benchmarks.
 */
export async function createStack(options: StackOptions): Promise<Stack> {
  const { principalSecret, seed = true, ports = {}, dbSchemas = {}, gatewayHost = '127.0.0.1', logLevel = 'warn' } = options;
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));
  const owners: Record<string, string> = {};
  const directory = createEntityDirectory({ owners, principalSecret });
  const opened: Array<{ close(): Promise<void> }> = [];
  const logger = options.logger ?? createLogger({ level: logLevel });
  const { metricsEndpoint, otlpEndpoint, drainTimeoutMs } = options;
  /** A tracer per server, flushed and stopped after that server closes; none without an OTLP endpoint. */
  const tracerFor = (service: string) => {
    if (!otlpEndpoint) return undefined;
    const tracing = createTracing({ endpoint: otlpEndpoint, serviceName: `junction-${service}` });
    opened.push({ close: () => tracing.shutdown() });
    return tracing.tracer;
  };
  const observabilityFor = (service: SubgraphName): SubgraphObservability => ({
    logger,
    metricsEndpoint,
    processMetrics: false,
    tracer: tracerFor(service),
    drainTimeoutMs,
  });
  try {
    // Built once and closed last: incidents publishes on it, the gateway listens.
    const events = openEventBus({ redisUrl: options.redisUrl, onHandlerError: (error, topic) => logger.error({ err: error, topic }, 'An event handler failed.') });
    opened.push(events);
    let cache = options.cache;
    if (!cache) {
      const openedCache = await openReadThroughCache({ redisUrl: options.redisUrl });
      opened.push(openedCache);
      cache = openedCache.cache;
    }
    const devnet = options.sharedDevnet ?? (options.devnet ? await startDevnet() : undefined);
    if (devnet && devnet !== options.sharedDevnet) opened.push(devnet);
    const common = { store, seed, principalSecret };
    const urls = {} as Stack['urls'];
    // Chains first: bridges reads its chains' RPC endpoints from it.
    const chains = await createChains({ ...common, dbSchema: dbSchemas.chains ?? 'chains', cache, sampler: options.sampler ?? false, observability: observabilityFor('chains') });
    opened.push(chains);
    urls.chains = await chains.server.listen(ports.chains ?? 0, '127.0.0.1');
    const partners = await createPartners({ ...common, dbSchema: dbSchemas.partners ?? 'partners', directory, observability: observabilityFor('partners') });
    opened.push(partners);
    const bridges = await createBridges({
      ...common,
      dbSchema: dbSchemas.bridges ?? 'bridges',
      directory,
      chainsUrl: urls.chains,
      cache,
      sampler: options.bridgesSampler ?? false,
      observability: observabilityFor('bridges'),
    });
    opened.push(bridges);
    const incidents = await createIncidents({
      ...common,
      dbSchema: dbSchemas.incidents ?? 'incidents',
      directory,
      events,
      observability: observabilityFor('incidents'),
      webhooks: options.webhooks ?? { allowPrivateNetworks: true },
      webhookSecretKeys: options.webhookSecretKeys ?? deriveWebhookSecretKeys(principalSecret),
    });
    opened.push(incidents);
    const services = { partners, chains, bridges, incidents };
    for (const name of ['partners', 'bridges', 'incidents'] as const) {
      urls[name] = await services[name].server.listen(ports[name] ?? 0, '127.0.0.1');
    }
    Object.assign(owners, { Partner: urls.partners, Chain: urls.chains, Bridge: urls.bridges, Incident: urls.incidents });
    if (devnet) await registerDevnet({ devnet, chainsUrl: urls.chains, bridgesUrl: urls.bridges, principalSecret });
    const gateway = createGateway({
      supergraphPath: options.supergraphPath ?? defaultSupergraphPath(),
      subgraphUrls: { partners: urls.partners, chains: urls.chains, bridges: urls.bridges, incidents: urls.incidents },
      principalSecret,
      logLevel,
      keyCacheTtlMs: options.keyCacheTtlMs,
      redisUrl: options.redisUrl,
      rateLimits: options.rateLimits,
      subscriptionLimits: options.subscriptionLimits,
      trustProxy: options.trustProxy,
      protection: options.protection,
      responseCache: options.responseCache,
      trustedDocuments: options.trustedDocuments,
      apq: options.apq,
      metricsEndpoint,
      drainTimeoutMs,
    }, { logger, tracer: tracerFor('gateway'), events });
    opened.push(gateway);
    urls.gateway = await gateway.listen(ports.gateway ?? 0, gatewayHost);
    return {
      store,
      services,
      gateway,
      urls,
      cache,
      events,
      devnet,
      async close() {
        await closeAll(opened);
        if (ownsStore) await store.close();
      },
    };
  } catch (error) {
    await closeAll(opened);
    if (ownsStore) await store.close();
    throw error;
  }
}

async function closeAll(handles: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const handle of [...handles].reverse()) await handle.close();
}

function defaultSupergraphPath(): string {
  return path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');
}
