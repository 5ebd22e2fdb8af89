import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type SubgraphService } from '@junction/federation';
import { ChainEntity } from './entities/chain.entity';
import { RpcEndpointEntity } from './entities/rpc-endpoint.entity';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { ChainRepository } from './repositories/chain.repository';
import { RpcEndpointRepository } from './repositories/rpc-endpoint.repository';
import { ChainClientRegistry } from './health/chain-client-registry';
import { ChainHealthReader } from './health/chain-health-reader';
import { ChainHealthSampleEntity } from './entities/chain-health-sample.entity';
import { ChainHealthResolver } from './resolvers/chain-health.resolver';
import { ChainResolver } from './resolvers/chain.resolver';
import { RpcEndpointResolver } from './resolvers/rpc-endpoint.resolver';
import { buildChainsSchema } from './schema';
import { seedCatalogue } from './seed/seed';

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
}

/** A built (not listening) chains subgraph. */
export type ChainsService = SubgraphService;

/** The service's entities. */
export const entities = [ChainEntity, RpcEndpointEntity, ChainHealthSampleEntity];

/** Builds the chains subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'chains', seed = false, principalSecret, cache = new ReadThroughCache({ backend: createMemoryBackend() }) }: ChainsDependencies): Promise<ChainsService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  return createSubgraphService({
    name: 'chains',
    db,
    principalSecret,
    async build() {
      const repositories = { chains: new ChainRepository(db.dataSource), rpcEndpoints: new RpcEndpointRepository(db.dataSource) };
      if (seed) await seedCatalogue(db.dataSource);
      const clients = new ChainClientRegistry();
      const { schema } = await buildChainsSchema(
        new Map<Function, object>([
          [ChainResolver, new ChainResolver(repositories.chains)],
          [ChainHealthResolver, new ChainHealthResolver(new ChainHealthReader(cache, clients))],
          [RpcEndpointResolver, new RpcEndpointResolver(repositories.rpcEndpoints)],
        ]),
      );
      return { schema, createLoaders: () => createLoaders(repositories), close: () => clients.close() };
    },
  });
}
