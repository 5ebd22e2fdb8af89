import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A freshly initialised PGlite data directory, dumped (gzip tar) by `npm run build`. Creating a database with
 * initdb costs seconds of CPU and ~900 MB at its peak; loading this dump costs about a second and half the
 * memory, so a first start of the embedded store loads it when it is there.
 */
export const PGLITE_TEMPLATE_PATH = path.resolve(__dirname, '..', 'dist', 'pglite-template.tar.gz');

/** The template dump, or undefined when it has not been built (then PGlite runs initdb itself). */
export function readPgliteTemplate(): Blob | undefined {
  return existsSync(PGLITE_TEMPLATE_PATH) ? new Blob([readFileSync(PGLITE_TEMPLATE_PATH)]) : undefined;
}
