import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './config';
import { createOfflineGraphiQL } from './graphiql';
import { useSignedPrincipal } from './plugins/use-signed-principal';

export type { GatewayConfig } from './config';

/** A built (not listening) gateway. */
export interface Gateway {
  /** The Hive Gateway runtime; `runtime.fetch(request)` serves a request in-process. */
  runtime: GatewayRuntime;
  /** The node HTTP server around the runtime. */
  http: Server;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish, disposes the runtime. */
  close(): Promise<void>;
}

/**
 * Builds the gateway: the Hive Gateway runtime serving the supergraph at `config.supergraphPath` on `/graphql`
 * (POST and GET, GraphiQL for browsers with no network access needed), `/healthz` and `/readyz`.
 */
export function createGateway(config: GatewayConfig): Gateway {
  const runtime = createGatewayRuntime({
    supergraph: readSupergraph(config.supergraphPath),
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([subgraph, location]) => [subgraph, { location }])),
    healthCheckEndpoint: '/healthz',
    readinessCheckEndpoint: '/readyz',
    landingPage: false,
    graphiql: { title: 'Junction' },
    renderGraphiQL: createOfflineGraphiQL(),
    logging: config.logLevel,
    plugins: () => [useSignedPrincipal({ secret: config.principalSecret })],
  });
  const http = createServer(runtime);
  http.keepAliveTimeout = 65_000;
  return {
    runtime,
    http,
    listen(port, host = 'localhost') {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const { port: bound } = http.address() as AddressInfo;
          resolve(`http://${host}:${bound}/graphql`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await runtime[Symbol.asyncDispose]();
    },
  };
}

/** Reads the supergraph SDL, failing at start-up with a sentence that says what to fix. */
function readSupergraph(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the supergraph at ${file}; set GATEWAY_SUPERGRAPH_PATH to a composed supergraph file.`, { cause });
  }
}
