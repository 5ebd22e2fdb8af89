import { commonEnv, optionalUrl, parseEnv, port, principalSecretEnv, z } from '@junction/config';
import path from 'node:path';

/** The supergraph committed in the repository. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Environment of the gateway. */
export const gatewayEnv = {
  LOG_LEVEL: commonEnv.LOG_LEVEL,
  ...principalSecretEnv,
  /** Port of `/graphql`. @default 4000 */
  GATEWAY_PORT: port(4000),
  /** Interface to listen on. @default localhost */
  GATEWAY_HOST: z.string().default('localhost'),
  /** The supergraph file to serve. @default schema/supergraph.graphql */
  GATEWAY_SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  /** Subgraph URLs; each overrides the URL written in the supergraph. @default the supergraph's */
  PARTNERS_URL: optionalUrl('http', 'https'),
  CHAINS_URL: optionalUrl('http', 'https'),
  BRIDGES_URL: optionalUrl('http', 'https'),
  INCIDENTS_URL: optionalUrl('http', 'https'),
};

/** What {@link createGateway} needs. */
export interface GatewayConfig {
  /** Path of the supergraph SDL file to serve. @default the committed `schema/supergraph.graphql` */
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name (`chains`, ...). @default {} */
  subgraphUrls: Record<string, string>;
  /** Secret to sign principals for subgraphs with. */
  principalSecret: string;
  /** Log level of the runtime. @default 'info' */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Reads the gateway's environment; throws a message naming every bad variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig & { port: number; host: string } {
  const parsed = parseEnv(gatewayEnv, env);
  const subgraphUrls: Record<string, string> = {};
  for (const name of ['partners', 'chains', 'bridges', 'incidents'] as const) {
    const url = parsed[`${name.toUpperCase() as Uppercase<typeof name>}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    supergraphPath: parsed.GATEWAY_SUPERGRAPH_PATH,
    subgraphUrls,
    principalSecret: parsed.JUNCTION_PRINCIPAL_SECRET,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.GATEWAY_PORT,
    host: parsed.GATEWAY_HOST,
  };
}
