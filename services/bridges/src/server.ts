import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { acquireLeadership, openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type EntityDirectory, type SubgraphObservability, type SubgraphService } from '@junction/federation';
import { ChainClientRegistry, type ChainClientRankOptions } from '@junction/onchain';
import { BridgeContractEntity } from './entities/bridge-contract.entity';
import { BridgeHealthSampleEntity } from './entities/bridge-health-sample.entity';
import { BridgeProbeEntity } from './entities/bridge-probe.entity';
import { BridgeRouteEntity } from './entities/bridge-route.entity';
import { BridgeEntity } from './entities/bridge.entity';
import { BridgeHealthReader } from './health/bridge-health-reader';
import { ChainEndpointDirectory } from './health/chain-endpoint-directory';
import { TokenMetadataReader } from './health/token-metadata-reader';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { BridgeContractRepository } from './repositories/bridge-contract.repository';
import { BridgeHealthSampleRepository } from './repositories/bridge-health-sample.repository';
import { BridgeProbeRepository } from './repositories/bridge-probe.repository';
import { BridgeRouteRepository } from './repositories/bridge-route.repository';
import { BridgeRepository } from './repositories/bridge.repository';
import { BridgeContractResolver } from './resolvers/bridge-contract.resolver';
import { BridgeHealthResolver } from './resolvers/bridge-health.resolver';
import { BridgeMetricsResolver } from './resolvers/bridge-metrics.resolver';
import { BridgeProbeResolver } from './resolvers/bridge-probe.resolver';
import { BridgeRouteResolver } from './resolvers/bridge-route.resolver';
import { BridgeResolver } from './resolvers/bridge.resolver';
import { ChainBridgesResolver } from './resolvers/chain-bridges.resolver';
import { PartnerBridgesResolver } from './resolvers/partner-bridges.resolver';
import { BridgeHealthSampler, type SampleBridgeFilter, type SamplerLogEntry } from './sampling/bridge-health-sampler';
import { buildBridgesSchema } from './schema';
import { seedBridges } from './seed/seed';
import { BridgeInputCheck } from './validation/bridge-input-check';

export { bridgesEnv } from './config';
export { BridgeHealthSampler, type SampleBridgeFilter, type SampleRunResult, type SamplerLogEntry } from './sampling/bridge-health-sampler';

/** How the bridges subgraph samples health into the history `Bridge.metrics` reads. */
export interface BridgesSamplerOptions {
  /**
   * Milliseconds between runs; the first runs one interval after start. 0 builds the sampler without a timer: it
   * runs only when `service.sampler.runOnce()` is called (tests).
   */
  intervalMs: number;
  /** Samples older than this many hours are deleted. @default 168 (7 days) */
  retentionHours?: number;
  /**
   * Which bridges to sample. Hosts without internet access (tests, the embedded `npm start`) must narrow this to
   * bridges whose chains they can reach, such as the devnet's.
   * @default every active bridge with a contract or probe on a chain that has RPC endpoints
   */
  bridgeFilter?: SampleBridgeFilter;
  /** Where sampling failures and leadership changes are reported. @default JSON lines on stderr */
  log?: (entry: SamplerLogEntry) => void;
}

/** What the bridges subgraph needs from its host. */
export interface BridgesDependencies {
  /** The store, opened once per process. */
  store: Store;
  /** The PostgreSQL schema the service owns. @default 'bridges' */
  dbSchema?: string;
  /** Fill an empty catalogue with the seed bridges. @default false */
  seed?: boolean;
  /** The secret the gateway signs principals with (also signs this service's operator requests to the chains subgraph). */
  principalSecret: string;
  /** Asks the owners of `Chain` and `Partner` whether ids a mutation refers to exist. */
  directory: EntityDirectory;
  /** `/graphql` of the chains subgraph, asked (as an operator) for the RPC endpoints of the chains bridge contracts live on. */
  chainsUrl: string;
  /** The read-through cache under every on-chain read (Redis-backed when replicas share it). @default an in-memory cache */
  cache?: ReadThroughCache;
  /**
   * How each chain's client ranks its RPC endpoints (`false`: in priority order only). `service.close()` waits for
   * the ranking to stop, up to one interval plus one probe timeout.
   * @default true (viem's ranking: every 4 s, 1 s probe timeout)
   */
  endpointRanking?: boolean | ChainClientRankOptions;
  /**
   * Sample every bridge's health on an interval (one leader among the replicas sharing the database), or `false` for
   * no sampling. Off by default: the seeded real bridges' chains are on the public internet.
   * @default false
   */
  sampler?: BridgesSamplerOptions | false;
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A built (not listening) bridges subgraph. */
export interface BridgesService extends SubgraphService {
  /** The health sampler, started; null when sampling is off. `close()` stops it before the DataSource closes. */
  sampler: BridgeHealthSampler | null;
}

/** The service's entities. */
export const entities = [BridgeEntity, BridgeContractEntity, BridgeRouteEntity, BridgeProbeEntity, BridgeHealthSampleEntity];

/** Builds the bridges subgraph: migrates its schema, seeds it if asked, and builds its server (and sampler, if asked). */
export async function createServer({
  store,
  dbSchema = 'bridges',
  seed = false,
  principalSecret,
  directory,
  chainsUrl,
  cache = new ReadThroughCache({ backend: createMemoryBackend() }),
  endpointRanking = true,
  sampler: samplerOptions = false,
  observability,
}: BridgesDependencies): Promise<BridgesService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  const built: { sampler: BridgeHealthSampler | null } = { sampler: null };
  const service = await createSubgraphService({
    name: 'bridges',
    db,
    principalSecret,
    observability,
    async build({ metrics }) {
      const repositories = {
        bridges: new BridgeRepository(db.dataSource),
        contracts: new BridgeContractRepository(db.dataSource),
        routes: new BridgeRouteRepository(db.dataSource),
        probes: new BridgeProbeRepository(db.dataSource),
        chainEndpoints: new ChainEndpointDirectory({ url: chainsUrl, principalSecret }),
        samples: new BridgeHealthSampleRepository(db.dataSource),
      };
      const check = new BridgeInputCheck(directory, repositories.bridges);
      if (seed) await seedBridges(db.dataSource);
      const clients = new ChainClientRegistry({ rank: endpointRanking, onRpcCall: metrics.rpcCallObserver() });
      const observedCache = cache.withObserver(metrics.cacheObserver());
      const reader = new BridgeHealthReader(observedCache, clients, new TokenMetadataReader(observedCache));
      const { schema } = await buildBridgesSchema(
        new Map<Function, object>([
          [BridgeResolver, new BridgeResolver(repositories.bridges, check)],
          [BridgeHealthResolver, new BridgeHealthResolver(reader)],
          [BridgeMetricsResolver, new BridgeMetricsResolver()],
          [BridgeContractResolver, new BridgeContractResolver(repositories.bridges, repositories.contracts, check)],
          [BridgeProbeResolver, new BridgeProbeResolver(repositories.bridges, repositories.probes, check)],
          [BridgeRouteResolver, new BridgeRouteResolver(repositories.bridges, repositories.routes, check)],
          [ChainBridgesResolver, new ChainBridgesResolver()],
          [PartnerBridgesResolver, new PartnerBridgesResolver()],
        ]),
      );
      if (samplerOptions) {
        const leadership = await acquireLeadership({ store, dataSource: db.dataSource, name: `junction:${dbSchema}:bridge-health-sampler` });
        built.sampler = new BridgeHealthSampler({ ...samplerOptions, reader, leadership, ...repositories });
        metrics.watchSampler(built.sampler);
      }
      return {
        schema,
        createLoaders: () => createLoaders(repositories),
        ready: () => cache.ping(),
        async close() {
          await built.sampler?.stop();
          await clients.close();
        },
      };
    },
  });
  built.sampler?.start();
  return { ...service, sampler: built.sampler };
}
