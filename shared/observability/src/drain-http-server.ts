import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Options of {@link drainHttpServer}. */
export interface DrainHttpServerOptions {
  /** How long in-flight requests may take to finish; then their connections are cut. @default 10000 */
  timeoutMs?: number;
  /** How often idle keep-alive connections are closed while draining, in milliseconds. @default 50 */
  pollMs?: number;
}

/** How a drain ended. */
export interface DrainResult {
  /** False when the timeout passed and connections with requests still in flight were cut. */
  drained: boolean;
}

/**
 * Stops `server` gracefully: it accepts no new connection; idle keep-alive connections close at once; a request
 * already in flight (or arriving on an open keep-alive connection) is served, with `Connection: close`, and its
 * connection closes when it is answered. After `timeoutMs` whatever is left is cut. Resolves when the server has
 * closed. A server that is not listening resolves at once.
 */
export async function drainHttpServer(server: Server, { timeoutMs = 10_000, pollMs = 50 }: DrainHttpServerOptions = {}): Promise<DrainResult> {
  if (!server.listening) return { drained: true };
  const lastCall = (_request: IncomingMessage, response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  };
  server.on('request', lastCall);
  let drained = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const poll = setInterval(() => server.closeIdleConnections(), pollMs);
  const deadline = setTimeout(() => {
    drained = false;
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(poll);
    clearTimeout(deadline);
    server.off('request', lastCall);
  }
  return { drained };
}
