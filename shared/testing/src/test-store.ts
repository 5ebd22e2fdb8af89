import { openStore, type Store } from '@junction/db';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** A store for one test file, with schema names no other test file uses. */
export interface TestStore {
  /** The opened store: PostgreSQL when `DATABASE_URL` is set, PGlite otherwise. */
  store: Store;
  /** A schema name unique to this test file, e.g. `chains_3f9a1c`. */
  schema(service: string): string;
  /** Drops the schemas this file created and closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the store for a test file. With `DATABASE_URL` set the tests run against that PostgreSQL server, each
 * file in schemas of its own so files can run in parallel; otherwise each Jest worker uses an embedded PGlite
 * database kept on disk under `.junction/test/` (created once, reopened in well under a second).
 */
export async function openTestStore(): Promise<TestStore> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const worker = process.env.JEST_WORKER_ID ?? '0';
  const dataDir = path.resolve(__dirname, '../../../.junction/test', `worker-${worker}`);
  const store = await openStore({ databaseUrl, dataDir, poolSize: 4 });
  const suffix = randomBytes(4).toString('hex');
  const created = new Set<string>();
  return {
    store,
    schema(service) {
      const name = `${service}_${suffix}`;
      created.add(name);
      return name;
    },
    async close() {
      if (created.size > 0) {
        const { DataSource } = await import('typeorm');
        const admin = new DataSource({ ...(store.connectionOptions as object), type: 'postgres' });
        await admin.initialize();
        for (const name of created) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
        await admin.destroy();
      }
      await store.close();
    },
  };
}
