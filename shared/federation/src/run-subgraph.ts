import { openStore, type Store } from '@junction/db';
import type { SubgraphService } from './subgraph-service';

/** What {@link runSubgraph} needs, read from the service's validated configuration. */
export interface RunSubgraphParameters {
  /** PostgreSQL server URL; unset means the embedded store. */
  databaseUrl?: string;
  /** Embedded store directory. */
  dataDir: string;
  /** Port to listen on. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** Builds the service on the opened store. */
  create(store: Store): Promise<SubgraphService>;
}

/**
 * The body of a service's `index.ts` for the distributed layout: reads the configuration, opens the store, builds
 * and starts the service, and on SIGTERM/SIGINT lets in-flight requests finish before closing everything. A
 * start-up failure prints its message (configuration errors say what to set) and exits 1.
 */
export function runSubgraph(name: string, configure: () => RunSubgraphParameters): void {
  const main = async () => {
    const { databaseUrl, dataDir, port, host, create } = configure();
    const store = await openStore({ databaseUrl, dataDir });
    const service = await create(store);
    const url = await service.server.listen(port, host);
    console.log(JSON.stringify({ level: 'info', msg: `${name} subgraph listening`, url }));
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await service.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
