import pg from 'pg';
import type { PgliteSession } from './pglite-connection';
import { SessionLock } from './session-lock';

/** How long a query waits for the embedded session before failing. */
const SESSION_WAIT_MS = 30_000;

/** Where a `pg` connection records the named statements it has prepared (by name, their text). */
interface PreparedStatements {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A `pg` module whose pools connect in-process to `session` and hand out a connection only while holding `lock`.
 * TypeORM is given this module as its driver for the embedded store, so a transaction holds the single PGlite
 * session from BEGIN to COMMIT and no other query — from any service in the process — can run inside it.
 */
export function createSerializedPg(lock: SessionLock, session: PgliteSession): typeof pg {
  // Prepared statements belong to the session, which every connection shares: what one connection has prepared,
  // the others must not prepare again (PostgreSQL refuses a second statement of the same name).
  const statements: PreparedStatements = { parsedStatements: {}, submittedNamedStatements: {} };
  class SerializedPool extends pg.Pool {
    constructor(options?: pg.PoolConfig) {
      super({ ...options, stream: () => session.connect() });
    }

    override connect(): Promise<pg.PoolClient>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
      const connected = this.connectExclusively();
      if (!callback) return connected;
      connected.then(
        (client) => callback(undefined, client, (release) => client.release(release as boolean | Error | undefined)),
        (error: Error) => callback(error),
      );
    }

    private async connectExclusively(): Promise<pg.PoolClient> {
      const unlock = await lock.acquire(SESSION_WAIT_MS);
      let client: pg.PoolClient;
      try {
        client = await super.connect();
      } catch (error) {
        unlock();
        throw error;
      }
      Object.assign((client as unknown as { connection: PreparedStatements }).connection, statements);
      const release = client.release.bind(client);
      client.release = (destroy?: boolean | Error) => {
        try {
          release(destroy);
        } finally {
          unlock();
        }
      };
      return client;
    }
  }
  return { ...pg, Pool: SerializedPool } as typeof pg;
}
