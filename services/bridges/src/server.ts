import { openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type EntityDirectory, type SubgraphService } from '@junction/federation';
import { BridgeContractEntity } from './entities/bridge-contract.entity';
import { BridgeRouteEntity } from './entities/bridge-route.entity';
import { BridgeEntity } from './entities/bridge.entity';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { BridgeContractRepository } from './repositories/bridge-contract.repository';
import { BridgeRouteRepository } from './repositories/bridge-route.repository';
import { BridgeRepository } from './repositories/bridge.repository';
import { BridgeContractResolver } from './resolvers/bridge-contract.resolver';
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
  /** The secret the gateway signs principals with. */
  principalSecret: string;
  /** Asks the owners of `Chain` and `Partner` whether ids a mutation refers to exist. */
  directory: EntityDirectory;
}

/** A built (not listening) bridges subgraph. */
export type BridgesService = SubgraphService;

/** The service's entities. */
export const entities = [BridgeEntity, BridgeContractEntity, BridgeRouteEntity];

/** Builds the bridges subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'bridges', seed = false, principalSecret, directory }: BridgesDependencies): Promise<BridgesService> {
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
      };
      const check = new BridgeInputCheck(directory, repositories.bridges);
      if (seed) await seedBridges(db.dataSource);
      const { schema } = await buildBridgesSchema(
        new Map<Function, object>([
          [BridgeResolver, new BridgeResolver(repositories.bridges, check)],
          [BridgeContractResolver, new BridgeContractResolver(repositories.bridges, repositories.contracts, check)],
          [BridgeRouteResolver, new BridgeRouteResolver(repositories.bridges, repositories.routes, check)],
          [ChainBridgesResolver, new ChainBridgesResolver()],
          [PartnerBridgesResolver, new PartnerBridgesResolver()],
        ]),
      );
      return { schema, createLoaders: () => createLoaders(repositories) };
    },
  });
}
