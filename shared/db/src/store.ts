import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { PgliteSession } from './pglite-connection';
import { readPgliteTemplate } from './pglite-template';
import { createSerializedPg } from './serialized-pg';
import { SessionLock } from './session-lock';

/** Parameters of {@link openStore}. */
export interface OpenStoreParameters {
  /** A PostgreSQL server URL. When unset, the embedded PGlite store is used. @default undefined */
  databaseUrl?: string;
  /**
   * Where the embedded store keeps its files; `memory://` keeps them in memory (tests only: creating a database
   * costs seconds of CPU, reopening one on disk well under a second). @default `.junction`
   */
  dataDir?: string;
  /** Connections per service pool on a PostgreSQL server. @default 10 */
  poolSize?: number;
}

/**
 * Where the services' data lives: one PostgreSQL server, or one PGlite instance per process. Each service gets
 * its own schema in it and its own DataSource; the store is built once and shared.
 */
export interface Store {
  /** `postgres` for a server, `pglite` for the embedded store. */
  readonly kind: 'postgres' | 'pglite';
  /** Connection options for a TypeORM postgres DataSource (without entities, schema or migrations). */
  readonly connectionOptions: Partial<DataSourceOptions>;
  /** Stops the embedded store (no-op for a server; DataSources close their own pools). */
  close(): Promise<void>;
}

/**
 * Opens the store described by the parameters. An embedded store on disk is opened by one process at a time: when
 * another live process has its directory open, this throws a `DataDirInUseError` (code `CONFLICT`) instead of
 * letting two PGlite instances write the same files.
 */
export async function openStore({ databaseUrl, dataDir = '.junction', poolSize = 10 }: OpenStoreParameters): Promise<Store> {
  if (databaseUrl) {
    return {
      kind: 'postgres',
      connectionOptions: { type: 'postgres', url: databaseUrl, poolSize },
      close: async () => {},
    };
  }
  return openEmbeddedStore(dataDir);
}

async function openEmbeddedStore(dataDir: string): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  let location = dataDir;
  let loadDataDir: Blob | undefined;
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    lock = lockDataDir(dataDir);
    location = path.resolve(dataDir, 'pgdata');
    if (!existsSync(path.join(location, 'PG_VERSION'))) loadDataDir = readPgliteTemplate();
    mkdirSync(location, { recursive: true });
  }
  try {
    const db = new PGlite(location, { loadDataDir });
    await db.waitReady;
    return {
      kind: 'pglite',
      connectionOptions: {
        type: 'postgres',
        // pg speaks the wire protocol to PGlite in-process (PgliteSession); host and port name nothing it dials.
        host: 'pglite',
        username: 'postgres',
        database: 'postgres',
        driver: createSerializedPg(new SessionLock(), new PgliteSession(db)),
        poolSize: 4,
      },
      async close() {
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
