import { openDataSource, type ServiceDataSource, type Store } from '@junction/db';
import { createSubgraphServer, verifyPrincipal, type SubgraphServer } from '@junction/federation';
import type { ChainsContext } from './context';
import { ChainEntity } from './entities/chain.entity';
import { RpcEndpointEntity } from './entities/rpc-endpoint.entity';
import { createLoaders } from './loaders';
import { migrations } from './migrations';
import { ChainRepository } from './repositories/chain.repository';
import { RpcEndpointRepository } from './repositories/rpc-endpoint.repository';
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
}

/** A built (not listening) chains subgraph. */
export interface ChainsService {
  /** The HTTP server with `/graphql`, `/healthz`, `/readyz`. */
  server: SubgraphServer;
  /** The service's DataSource and its statement counter. */
  db: ServiceDataSource;
  /** Closes the server and the DataSource (not the store). */
  close(): Promise<void>;
}

/** The service's entities. */
export const entities = [ChainEntity, RpcEndpointEntity];

/** Builds the chains subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'chains', seed = false, principalSecret }: ChainsDependencies): Promise<ChainsService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  try {
    const repositories = { chains: new ChainRepository(db.dataSource), rpcEndpoints: new RpcEndpointRepository(db.dataSource) };
    if (seed) await seedCatalogue(db.dataSource);
    const { schema } = await buildChainsSchema(
      new Map<Function, object>([
        [ChainResolver, new ChainResolver(repositories.chains)],
        [RpcEndpointResolver, new RpcEndpointResolver(repositories.rpcEndpoints)],
      ]),
    );
    const server = await createSubgraphServer<ChainsContext>({
      name: 'chains',
      schema,
      context: (request) => ({
        principal: verifyPrincipal(request.headers, { secret: principalSecret }),
        loaders: createLoaders(repositories),
      }),
      ready: async () => {
        await db.dataSource.query('SELECT 1');
      },
    });
    return {
      server,
      db,
      async close() {
        await server.close();
        await db.dataSource.destroy();
      },
    };
  } catch (error) {
    await db.dataSource.destroy();
    throw error;
  }
}
