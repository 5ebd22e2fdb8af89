import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy in front of one subgraph that counts requests and fails the ones it is told to. */
export interface FailingProxy {
  /** The proxy's `/graphql` URL, to give the gateway instead of the subgraph's. */
  url: string;
  /** How many requests reached the proxy. */
  requests: number;
  /** Answers the next `count` requests with 503 and a plain-text body, as a load balancer would. */
  failNext(count: number): void;
  /** Stops the proxy. */
  close(): Promise<void>;
}

/** Starts a {@link FailingProxy} on a free loopback port, forwarding to `target`. */
export async function startFailingProxy(target: string): Promise<FailingProxy> {
  let failures = 0;
  const proxy: Omit<FailingProxy, 'url'> & { url?: string } = {
    requests: 0,
    failNext(count) {
      failures = count;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  const server = createServer((request, response) => {
    proxy.requests += 1;
    if (failures > 0) {
      failures -= 1;
      request.resume();
      response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    forward(request, response, target).catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return proxy as FailingProxy;
}

async function forward(request: IncomingMessage, response: ServerResponse, target: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name));
  const answer = await fetch(target, {
    method: request.method,
    headers: headers.map(([name, value]) => [name, String(value)] as [string, string]),
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
}
