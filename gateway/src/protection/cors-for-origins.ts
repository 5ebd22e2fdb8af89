import type { GatewayConfigBase } from '@graphql-hive/gateway-runtime';

/** The runtime's `cors` setting. */
export type CorsSetting = GatewayConfigBase<Record<string, any>>['cors'];

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * The runtime's `cors` setting for an allow-list of origins: a request from a listed origin (or any, with `*`)
 * gets `Access-Control-Allow-Origin` set to that origin for GET and POST, with the request headers it asked for
 * and no credentials (API keys travel in headers, never cookies); any other origin gets no CORS headers at all, so
 * browsers keep its pages from reading answers. An empty list allows same-origin pages only.
 */
export function corsForOrigins(origins: readonly string[]): CorsSetting {
  const anyOrigin = origins.includes('*');
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(anyOrigin || origins.includes(origin))) return false;
    return { origin: [origin], methods: ['GET', 'POST'], credentials: false, maxAge: CORS_MAX_AGE_SECONDS };
  };
}
