import type { ServiceDataSource } from '@junction/db';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { SubgraphMetrics } from './observability/subgraph-metrics';
import type { SubgraphObservability } from './observability/subgraph-observability';
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
  /** Checks the dependencies the service has besides its database (Redis), for `/readyz`; rejects when one is down. @default none */
  ready?(): Promise<void>;
}

/** What `build` may use to report on itself. */
export interface SubgraphBuildTools {
  /** The subgraph's metrics: register cache, RPC and sampler metrics here (`metrics.cacheObserver()` …). */
  metrics: SubgraphMetrics;
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
  build(tools: SubgraphBuildTools): Promise<SubgraphParts<Loaders>>;
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A built (not listening) subgraph with its DataSource. */
export interface SubgraphService {
  /** The HTTP server with `/graphql`, `/healthz`, `/readyz`, `/metrics`. */
  server: SubgraphServer;
  /** The service's DataSource and its statement counter. */
  db: ServiceDataSource;
  /** Drains and closes the server, then releases the service's parts and the DataSource (not the store). */
  close(): Promise<void>;
}

/**
 * Assembles a subgraph around its open DataSource: every request gets the verified principal and fresh loaders;
 * readiness means the database (and whatever `parts.ready` checks) answers. If building fails the parts already
 * built and the DataSource are closed, so nothing leaks.
 */
export async function createSubgraphService<Loaders>({
  name,
  db,
  principalSecret,
  build,
  observability,
}: CreateSubgraphServiceParameters<Loaders>): Promise<SubgraphService> {
  // What `build` started (a webhook dispatcher, clients) is released too if building the server fails after it.
  let parts: SubgraphParts<Loaders> | undefined;
  try {
    const metrics = new SubgraphMetrics(name);
    parts = await build({ metrics });
    const { schema, createLoaders, close: closeParts, ready: partsReady } = parts;
    const server = await createSubgraphServer<SubgraphContext<Loaders>>({
      name,
      schema,
      metrics,
      observability,
      context: (request) => {
        const principal = verifyPrincipal(request.headers, { secret: principalSecret });
        return { principal, loaders: createLoaders(principal), partialFailures: [] };
      },
      ready: async () => {
        await db.dataSource.query('SELECT 1');
        await partsReady?.();
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
    try {
      await parts?.close?.();
    } finally {
      await db.dataSource.destroy();
    }
    throw error;
  }
}
