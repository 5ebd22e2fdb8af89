import type { ServiceDataSource } from '@junction/db';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Principal } from './principal';
import { verifyPrincipal } from './principal-header';
import { createSubgraphServer, type SubgraphServer } from './subgraph-server';

/** What every subgraph resolver receives. */
export interface SubgraphContext<Loaders> {
  /** Who is calling, verified from the gateway's signed header. */
  principal: Principal;
  /** Per-request loaders, so nothing is cached across callers. */
  loaders: Loaders;
  /**
   * Errors to report beside data that was still returned (a stale value served because upstream is down):
   * appended to the response's `errors` as they are. Use {@link reportPartialFailure}.
   */
  partialFailures: GraphQLFormattedError[];
}

/** What a service builds once its DataSource is open. */
export interface SubgraphParts<Loaders> {
  /** The federated schema. */
  schema: GraphQLSchema;
  /** Builds the loaders for one request of `principal`. */
  createLoaders(principal: Principal): Loaders;
  /** Releases what `build` created besides the DataSource (clients, timers), after the server has stopped. */
  close?(): Promise<void> | void;
}

/** Parameters of {@link createSubgraphService}. */
export interface CreateSubgraphServiceParameters<Loaders> {
  /** The subgraph's name, for logs and health answers. */
  name: string;
  /** The service's open DataSource; closed here if building fails. */
  db: ServiceDataSource;
  /** The secret the gateway signs principals with. */
  principalSecret: string;
  /** Builds the schema (and seeds, if the service does) on the open DataSource. */
  build(): Promise<SubgraphParts<Loaders>>;
}

/** A built (not listening) subgraph with its DataSource. */
export interface SubgraphService {
  /** The HTTP server with `/graphql`, `/healthz`, `/readyz`. */
  server: SubgraphServer;
  /** The service's DataSource and its statement counter. */
  db: ServiceDataSource;
  /** Closes the server, then the DataSource (not the store). */
  close(): Promise<void>;
}

/**
 * Assembles a subgraph around its open DataSource: every request gets the verified principal and fresh loaders;
 * readiness means the database answers. If building fails the DataSource is closed, so nothing leaks.
 */
export async function createSubgraphService<Loaders>({
  name,
  db,
  principalSecret,
  build,
}: CreateSubgraphServiceParameters<Loaders>): Promise<SubgraphService> {
  try {
    const { schema, createLoaders, close: closeParts } = await build();
    const server = await createSubgraphServer<SubgraphContext<Loaders>>({
      name,
      schema,
      context: (request) => {
        const principal = verifyPrincipal(request.headers, { secret: principalSecret });
        return { principal, loaders: createLoaders(principal), partialFailures: [] };
      },
      ready: async () => {
        await db.dataSource.query('SELECT 1');
      },
    });
    return {
      server,
      db,
      async close() {
        await server.close();
        await closeParts?.();
        await db.dataSource.destroy();
      },
    };
  } catch (error) {
    await db.dataSource.destroy();
    throw error;
  }
}
