/**
 * Composes the four subgraph SDLs (each service's committed `schema.graphql`) into `schema/supergraph.graphql`
 * with @theguild/federation-composition. `--check` composes without writing and exits 1 when composition fails or
 * the committed supergraph differs from the result.
 */
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The subgraphs and the URLs written into the supergraph (the gateway overrides them from its config). */
export const SUBGRAPHS = [
  { name: 'partners', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'chains', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'bridges', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'incidents', url: 'http://127.0.0.1:4004/graphql' },
] as const;

const root = path.resolve(__dirname, '..', '..');
const supergraphFile = path.join(root, 'schema', 'supergraph.graphql');

function main(): void {
  const check = process.argv.includes('--check');
  const result = composeServices(
    SUBGRAPHS.map(({ name, url }) => ({
      name,
      url,
      typeDefs: parse(readFileSync(path.join(root, 'services', name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`- ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const supergraph = `${result.supergraphSdl.trim()}\n`;
  if (!check) {
    writeFileSync(supergraphFile, supergraph);
    console.log(`Wrote ${path.relative(root, supergraphFile)}.`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(supergraphFile, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exitCode = 1;
    return;
  }
  console.log('The subgraphs compose, and schema/supergraph.graphql is up to date.');
}

main();
