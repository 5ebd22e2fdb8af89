/**
 * Build step of @junction/db: dumps a freshly initialised PGlite data directory to `dist/pglite-template.tar.gz`
 * (skipped when it exists), so the embedded store's first start loads it instead of running initdb.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGLITE_TEMPLATE_PATH } from './pglite-template';

async function main(): Promise<void> {
  if (existsSync(PGLITE_TEMPLATE_PATH)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-pglite-template-'));
  try {
    const db = new PGlite(dataDir);
    await db.waitReady;
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    writeFileSync(PGLITE_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
