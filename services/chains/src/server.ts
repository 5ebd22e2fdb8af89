import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { acquireLeadership, openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type SubgraphObservability, type SubgraphService } from '@junction/federation';
import { ChainClientRegistry } from '@junction/onchain';
import { ChainHealthSampleEntity } from './entities/chain-health-sample.entity';
import { ChainProbeEntity } from './entities/chain-probe.entity';
import { ChainEntity } from './entities/chain.entity';
import { RpcEndpointEntity } from './entities/rpc-endpoint.entity';
import { ChainHealthReader } from './health/chain-health-reader';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { ChainHealthSampleRepository } from './repositories/chain-health-sample.repository';
import { ChainProbeRepository } from './repositories/chain-probe.repository';
import { ChainRepository } from './repositories/chain.repository';
import { RpcEndpointRepository } from './repositories/rpc-endpoint.repository';
import { ChainHealthResolver } from './resolvers/chain-health.resolver';
import { ChainMetricsResolver } from './resolvers/chain-metrics.resolver';
import { ChainProbeResolver } from './resolvers/chain-probe.resolver';
import { ChainResolver } from './resolvers/chain.resolver';
import { RpcEndpointResolver } from './resolvers/rpc-endpoint.resolver';
import { ChainHealthSampler, type SampleChainFilter, type SamplerLogEntry } from './sampling/chain-health-sampler';
import { buildChainsSchema } from './schema';
import { seedCatalogue } from './seed/seed';

export { chainsEnv } from './config';
export { ChainHealthSampler, type SampleChainFilter, type SampleRunResult, type SamplerLogEntry } from './sampling/chain-health-sampler';

/** How the chains subgraph samples health into the history `Chain.metrics` reads. */
export interface ChainsSamplerOptions {
  /**
   * Milliseconds between runs; the first runs one interval after start. 0 builds the sampler without a timer: it
   * runs only when `service.sampler.runOnce()` is called (tests).
   */
  intervalMs: number;
  /** Samples older than this many hours are deleted. @default 168 (7 days) */
  retentionHours?: number;
  /**
   * Which chains to sample. Hosts without internet access (tests, the embedded `npm start`) must narrow this to
   * chains they can reach, such as the devnet's. @default every active chain that has RPC endpoints
   */
  chainFilter?: SampleChainFilter;
  /** Where sampling failures and leadership changes are reported. @default JSON lines on stderr */
  log?: (entry: SamplerLogEntry) => void;
}

/** What the chains subgraph needs from its host. */
export interface ChainsDependencies {
  /** The store, opened once per process. */
  store: Store;
  /** The PostgreSQL schema the service owns. @default 'chains' */
  dbSchema?: string;
  /** Fill an empty catalogue with the seed networks. @default false */
  seed?: boolean;
  /** The secret the gateway signs principals with. */
  principalSecret: string;
  /** The read-through cache under every on-chain read (Redis-backed when replicas share it). @default an in-memory cache */
  cache?: ReadThroughCache;
  /**
   * Sample every chain's health on an interval (one leader among the replicas sharing the database), or `false` for
   * no sampling. Off by default: the seeded real networks' endpoints are on the public internet.
   * @default false
   */
  sampler?: ChainsSamplerOptions | false;
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A built (not listening) chains subgraph. */
export interface ChainsService extends SubgraphService {
  /** The health sampler, started; null when sampling is off. `close()` stops it before the DataSource closes. */
  sampler: ChainHealthSampler | null;
}

/** The service's entities. */
export const entities = [ChainEntity, RpcEndpointEntity, ChainHealthSampleEntity, ChainProbeEntity];

/** Builds the chains subgraph: migrates its schema, seeds it if asked, and builds its server (and sampler, if asked). */
export async function createServer({
  store,
  dbSchema = 'chains',
  seed = false,
  principalSecret,
  cache = new ReadThroughCache({ backend: createMemoryBackend() }),
  sampler: samplerOptions = false,
  observability,
}: ChainsDependencies): Promise<ChainsService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  const built: { sampler: ChainHealthSampler | null } = { sampler: null };
  const service = await createSubgraphService({
    name: 'chains',
    db,
    principalSecret,
    observability,
    async build({ metrics }) {
      const repositories = {
        chains: new ChainRepository(db.dataSource),
        rpcEndpoints: new RpcEndpointRepository(db.dataSource),
        probes: new ChainProbeRepository(db.dataSource),
        samples: new ChainHealthSampleRepository(db.dataSource),
      };
      if (seed) await seedCatalogue(db.dataSource);
      const clients = new ChainClientRegistry({ onRpcCall: metrics.rpcCallObserver() });
      const reader = new ChainHealthReader(cache.withObserver(metrics.cacheObserver()), clients);
      const { schema } = await buildChainsSchema(
        new Map<Function, object>([
          [ChainResolver, new ChainResolver(repositories.chains)],
          [ChainHealthResolver, new ChainHealthResolver(reader)],
          [ChainMetricsResolver, new ChainMetricsResolver()],
          [RpcEndpointResolver, new RpcEndpointResolver(repositories.rpcEndpoints)],
          [ChainProbeResolver, new ChainProbeResolver(repositories.probes)],
        ]),
      );
      if (samplerOptions) {
        const leadership = await acquireLeadership({ store, dataSource: db.dataSource, name: `junction:${dbSchema}:chain-health-sampler` });
        built.sampler = new ChainHealthSampler({ ...samplerOptions, reader, leadership, ...repositories });
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
