import { openStore, type Store } from '@junction/db';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where the embedded test databases live. */
const TEST_DIR = path.resolve(__dirname, '../../../.junction/test');

/** A store for one test file, with schema names no other test file uses. */
export interface TestStore {
  /** The opened store: PostgreSQL when `DATABASE_URL` is set, PGlite otherwise. */
  store: Store;
  /** A schema name unique to this test file, e.g. `chains_3f9a1c`. */
  schema(service: string): string;
  /** Drops the schemas this file created and closes the store (and removes its embedded copy). */
  close(): Promise<void>;
}

/**
 * Opens the store for a test file. With `DATABASE_URL` set the tests run against that PostgreSQL server, each
 * file in schemas of its own so files can run in parallel. Otherwise each file gets its own embedded PGlite
 * database: a copy of a template created once under `.junction/test/` (creating a PGlite database costs seconds
 * of CPU; copying the template's files costs milliseconds), so concurrent test runs never share a data directory.
 * `embedded: true` uses PGlite whatever `DATABASE_URL` says.
 */
export async function openTestStore({ embedded = false }: { embedded?: boolean } = {}): Promise<TestStore> {
  const databaseUrl = embedded ? undefined : process.env.DATABASE_URL || undefined;
  const suffix = randomBytes(4).toString('hex');
  let dataDir: string | undefined;
  if (!databaseUrl) {
    const template = await ensureTemplate();
    dataDir = path.join(TEST_DIR, `run-${process.pid}-${suffix}`);
    cpSync(template, path.join(dataDir, 'pgdata'), { recursive: true });
  }
  const store = await openStore({ databaseUrl, dataDir, poolSize: 4 });
  const created = new Set<string>();
  return {
    store,
    schema(service) {
      const name = `${service}_${suffix}`;
      created.add(name);
      return name;
    },
    async close() {
      if (databaseUrl && created.size > 0) {
        const { DataSource } = await import('typeorm');
        const admin = new DataSource({ ...(store.connectionOptions as object), type: 'postgres' });
        await admin.initialize();
        for (const name of created) await admin.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
        await admin.destroy();
      }
      await store.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The template PGlite data directory, created (once, race-free across processes) if missing. */
async function ensureTemplate(): Promise<string> {
  const template = path.join(TEST_DIR, 'template');
  if (existsSync(path.join(template, 'PG_VERSION'))) return template;
  mkdirSync(TEST_DIR, { recursive: true });
  const building = path.join(TEST_DIR, `template-${process.pid}-${randomBytes(4).toString('hex')}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(building);
  await db.waitReady;
  await db.close();
  try {
    renameSync(building, template);
  } catch {
    // Another process finished first; its template is as good as ours.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}
