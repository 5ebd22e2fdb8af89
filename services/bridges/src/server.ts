import { createMemoryBackend, ReadThroughCache } from '@junction/cache';
import { openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type EntityDirectory, type SubgraphService } from '@junction/federation';
import { ChainClientRegistry, type ChainClientRankOptions } from '@junction/onchain';
import { BridgeContractEntity } from './entities/bridge-contract.entity';
import { BridgeProbeEntity } from './entities/bridge-probe.entity';
import { BridgeRouteEntity } from './entities/bridge-route.entity';
import { BridgeEntity } from './entities/bridge.entity';
import { BridgeHealthReader } from './health/bridge-health-reader';
import { ChainEndpointDirectory } from './health/chain-endpoint-directory';
import { TokenMetadataReader } from './health/token-metadata-reader';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { BridgeContractRepository } from './repositories/bridge-contract.repository';
import { BridgeProbeRepository } from './repositories/bridge-probe.repository';
import { BridgeRouteRepository } from './repositories/bridge-route.repository';
import { BridgeRepository } from './repositories/bridge.repository';
import { BridgeContractResolver } from './resolvers/bridge-contract.resolver';
import { BridgeHealthResolver } from './resolvers/bridge-health.resolver';
import { BridgeProbeResolver } from './resolvers/bridge-probe.resolver';
import { BridgeRouteResolver } from './resolvers/bridge-route.resolver';
import { BridgeResolver } from './resolvers/bridge.resolver';
import { ChainBridgesResolver } from './resolvers/chain-bridges.resolver';
import { PartnerBridgesResolver } from './resolvers/partner-bridges.resolver';
import { buildBridgesSchema } from './schema';
import { seedBridges } from './seed/seed';
import { BridgeInputCheck } from './validation/bridge-input-check';

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
}

/** A built (not listening) bridges subgraph. */
export type BridgesService = SubgraphService;

/** The service's entities. */
export const entities = [BridgeEntity, BridgeContractEntity, BridgeRouteEntity, BridgeProbeEntity];

/** Builds the bridges subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({
  store,
  dbSchema = 'bridges',
  seed = false,
  principalSecret,
  directory,
  chainsUrl,
  cache = new ReadThroughCache({ backend: createMemoryBackend() }),
  endpointRanking = true,
}: BridgesDependencies): Promise<BridgesService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  return createSubgraphService({
    name: 'bridges',
    db,
    principalSecret,
    async build() {
      const repositories = {
        bridges: new BridgeRepository(db.dataSource),
        contracts: new BridgeContractRepository(db.dataSource),
        routes: new BridgeRouteRepository(db.dataSource),
        probes: new BridgeProbeRepository(db.dataSource),
        chainEndpoints: new ChainEndpointDirectory({ url: chainsUrl, principalSecret }),
      };
      const check = new BridgeInputCheck(directory, repositories.bridges);
      if (seed) await seedBridges(db.dataSource);
      const clients = new ChainClientRegistry({ rank: endpointRanking });
      const reader = new BridgeHealthReader(cache, clients, new TokenMetadataReader(cache));
      const { schema } = await buildBridgesSchema(
        new Map<Function, object>([
          [BridgeResolver, new BridgeResolver(repositories.bridges, check)],
          [BridgeHealthResolver, new BridgeHealthResolver(reader)],
          [BridgeContractResolver, new BridgeContractResolver(repositories.bridges, repositories.contracts, check)],
          [BridgeProbeResolver, new BridgeProbeResolver(repositories.bridges, repositories.probes, check)],
          [BridgeRouteResolver, new BridgeRouteResolver(repositories.bridges, repositories.routes, check)],
          [ChainBridgesResolver, new ChainBridgesResolver()],
          [PartnerBridgesResolver, new PartnerBridgesResolver()],
        ]),
      );
      return { schema, createLoaders: () => createLoaders(repositories), close: () => clients.close() };
    },
  });
}
