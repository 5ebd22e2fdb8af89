import type { IncomingMessage } from 'node:http';

/** Headers of the upgrade request that describe the WebSocket handshake, not the caller: left out of the operation's request. */
const HANDSHAKE_HEADERS = new Set(['connection', 'upgrade', 'content-length', 'transfer-encoding', 'keep-alive', 'host']);

/**
 * The Fetch `Request` an operation on a WebSocket is served as, so the gateway's plugins (identity, rate limits,
 * trusted documents, the response cache) read it as they read an HTTP request: a JSON POST to the upgrade request's
 * URL with its headers, and the API key from the connection parameters graphql-ws clients send
 * (`{ Authorization: 'Bearer …' }`, `{ authorization }`, `{ 'x-api-key' }` or `{ apiKey }`) in place of any key
 * the upgrade request carried. A POST, because Yoga refuses mutations sent by GET.
 */
export function connectionRequest(upgrade: IncomingMessage, connectionParams: Readonly<Record<string, unknown>> | undefined): Request {
  const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' });
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (value === undefined || HANDSHAKE_HEADERS.has(name) || name.startsWith('sec-websocket-')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const key = connectionKey(connectionParams);
  if (key) {
    headers.delete('authorization');
    headers.delete('x-api-key');
    headers.set(key.header, key.value);
  }
  return new Request(new URL(upgrade.url ?? '/graphql', `http://${upgrade.headers.host ?? 'localhost'}`), { method: 'POST', headers });
}

/** The key in a graphql-ws client's connection parameters, as the header it would be sent in over HTTP. */
export function connectionKey(connectionParams: Readonly<Record<string, unknown>> | undefined): { header: 'authorization' | 'x-api-key'; value: string } | undefined {
  if (!connectionParams) return undefined;
  const text = (name: string) => (typeof connectionParams[name] === 'string' ? (connectionParams[name] as string) : undefined);
  const authorization = text('Authorization') ?? text('authorization');
  if (authorization !== undefined) return { header: 'authorization', value: authorization };
  const key = text('x-api-key') ?? text('X-Api-Key') ?? text('apiKey');
  return key === undefined ? undefined : { header: 'x-api-key', value: key };
}
