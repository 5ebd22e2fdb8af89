/**
 * One gateway of the peer benchmark, in a process of its own so the parent can pin it to a core and read its
 * memory: `node peer-gateway.js <kind>` with SUPERGRAPH_PATH, SUBGRAPH_URLS (JSON: name → URL), PRINCIPAL_SECRET
 * and PORT in the environment. Prints `ready <url>` once it answers.
 *
 * - `junction`: Junction's gateway with its whole plugin set (keys, auth directives, rate limits, protection, …) and
 *   the response cache off.
 * - `junction-cached`: the same with the response cache on (its default: in memory, the dashboard kept 10 s because
 *   it lists open incidents).
 * - `hive`: the bare Hive Gateway runtime on the same engine as Junction's (Hive Router's Rust query planner), with
 *   only the signed principal the subgraphs require (the public's: it cannot resolve keys) and each caller's
 *   `Authorization` handed on to the subgraphs, as a bare deployment does. Against it, Junction's plugin set alone.
 * - `hive-shared`: the same without handing on the credential, so its in-flight de-duplication merges every
 *   caller's identical fetches into one. This is the shared-token case; for partner data it would be a leak.
 * - `apollo`: `@apollo/gateway` on `@apollo/server`, with the same signed principal.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { PUBLIC_PRINCIPAL, signPrincipal } from '@junction/federation/identity';
import { createGateway } from '@junction/gateway';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { UNLIMITED_RATE_LIMITS } from '../unlimited-rate-limits';

type Kind = 'junction' | 'junction-cached' | 'hive' | 'hive-shared' | 'apollo';

const kind = process.argv[2] as Kind;
const supergraphPath = required('SUPERGRAPH_PATH');
const subgraphUrls = JSON.parse(required('SUBGRAPH_URLS')) as Record<string, string>;
const secret = required('PRINCIPAL_SECRET');
const port = Number(required('PORT'));

async function main(): Promise<void> {
  const url = `http://127.0.0.1:${port}/graphql`;
  if (kind === 'junction' || kind === 'junction-cached') {
    const gateway = createGateway({
      supergraphPath,
      subgraphUrls,
      principalSecret: secret,
      logLevel: 'error',
      // The benchmark measures the gateway, not the limiter's verdicts.
      rateLimits: UNLIMITED_RATE_LIMITS,
      responseCache: { enabled: kind === 'junction-cached' },
    });
    await gateway.listen(port, '127.0.0.1');
    exitOnSigterm(() => gateway.close());
  } else if (kind === 'hive' || kind === 'hive-shared') {
    const runtime = createGatewayRuntime({
      supergraph: readFileSync(supergraphPath, 'utf8'),
      unifiedGraphHandler,
      transportEntries: Object.fromEntries(Object.entries(subgraphUrls).map(([name, location]) => [name, { location }])),
      logging: false,
      // A bare deployment hands each caller's credential on to the subgraphs, which makes it part of the runtime's
      // in-flight de-duplication key: fetches are merged only between requests that present the same key.
      propagateHeaders: kind === 'hive' ? { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }) } : undefined,
      plugins: () => [
        {
          onFetch({ options, setOptions }) {
            setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signPrincipal(PUBLIC_PRINCIPAL, { secret }) } });
          },
        },
      ],
    });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    exitOnSigterm(async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    });
  } else if (kind === 'apollo') {
    const gateway = new ApolloGateway({
      supergraphSdl: withoutSecurityFeatures(readFileSync(supergraphPath, 'utf8')),
      buildService: ({ name, url: written }) =>
        new RemoteGraphQLDataSource({
          url: subgraphUrls[name] ?? written,
          willSendRequest({ request }) {
            for (const [header, value] of Object.entries(signPrincipal(PUBLIC_PRINCIPAL, { secret }))) request.http?.headers.set(header, value);
          },
        }),
    });
    const server = new ApolloServer({ gateway });
    await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
    exitOnSigterm(() => server.stop());
  } else {
    throw new Error(`Unknown gateway kind ${String(kind)}; use junction, junction-cached, hive, hive-shared or apollo.`);
  }
  console.log(`ready ${url}`);
}

/**
 * The supergraph without its SECURITY features (`@authenticated`, `@requiresScopes`), which `@apollo/gateway`
 * refuses to load outside Apollo's enterprise licence. The baseline enforces no authorization at all, which only
 * flatters it.
 */
function withoutSecurityFeatures(sdl: string): string {
  return sdl
    .replace(/^directive @(requiresScopes|authenticated)\b.*$/gm, '')
    .replace(/^scalar requiresScopes__Scope$/m, '')
    .replace(/ @link\(url: "https:\/\/specs\.apollo\.dev\/(requiresScopes|authenticated)\/v[\d.]+", for: SECURITY\)/g, '')
    .replace(/ @requiresScopes\(scopes: \[[^\n]*?\]\]\)/g, '')
    .replace(/ @authenticated\b/g, '');
}

/**
 * On the parent's SIGTERM, closes the gateway and exits. Without it a Hive-based gateway outlives the run: the Hive
 * runtime's own SIGTERM handler disposes of the runtime but leaves the server, and so the process, running, while
 * the parent waits for the process to exit.
 */
function exitOnSigterm(close: () => Promise<unknown>): void {
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set.`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
