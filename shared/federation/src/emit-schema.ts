import { readFileSync, writeFileSync } from 'node:fs';
import type { FederatedSchema } from './build-federated-schema';

/**
 * The body of a service's `emit-schema` script: builds the subgraph schema (no database needed) and writes its
 * SDL to `file`, or with `--check` exits 1 when the committed file differs from what the code declares.
 */
export function emitSchema(build: (instances: Map<Function, object>) => Promise<FederatedSchema>, file: string): void {
  const check = process.argv.includes('--check');
  build(new Map())
    .then(({ sdl }) => {
      if (!check) {
        writeFileSync(file, sdl);
        return;
      }
      let committed = '';
      try {
        committed = readFileSync(file, 'utf8');
      } catch {
        // a missing file is stale too
      }
      if (committed !== sdl) {
        console.error(`${file} is stale: the code declares a different schema. Run \`npm run compose\` and commit the result.`);
        process.exitCode = 1;
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
