import http from 'node:http';
import { DevnetError } from './devnet-error';

/**
 * A JSON-RPC endpoint in front of a node that a test can count, slow down, take offline and bring back: what an
 * RPC provider looks like from the outside, under the test's control.
 */
export interface RpcProxy {
  /** Where clients send requests, e.g. `http://127.0.0.1:41235`. Stays the same across kill/revive. */
  readonly url: string;
  /**
   * JSON-RPC calls seen since the last reset, by method (each call of a batch counts), plus `__requests`: the
   * number of HTTP requests. Calls count when they arrive, before any latency; a request refused because the
   * proxy was killed never arrived and does not count.
   */
  calls(): Record<string, number>;
  /** Zeroes the counts. */
  reset(): void;
  /**
   * Stops answering: closes the listening socket and destroys every open connection, so clients get connection
   * refused or reset at once, never a hang. Idempotent.
   */
  kill(): Promise<void>;
  /** Listens again on the same port. Idempotent. */
  revive(): Promise<void>;
  /** Delays every response by `ms` milliseconds from now on (0 = none). @default 0 */
  setLatency(ms: number): void;
}

/** Parameters of {@link startRpcProxy}. */
export interface StartRpcProxyParameters {
  /** The node requests are forwarded to, e.g. `http://127.0.0.1:8545`. */
  upstreamUrl: string;
  /** The address the proxy listens on. @default '127.0.0.1' */
  host?: string;
  /** The port; 0 lets the operating system pick one (kept for revive). @default 0 */
  port?: number;
  /** How long the node may take to answer before the client gets a 504. @default 30000 */
  upstreamTimeoutMs?: number;
}

/** The largest request body the proxy accepts. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** JSON-RPC error codes the proxy answers with itself. */
const errorCodes = { parseError: -32700, invalidRequest: -32600, upstreamUnavailable: -32000 } as const;

/**
 * Starts an HTTP JSON-RPC proxy: POST bodies are parsed (to count methods; invalid JSON gets a 400 JSON-RPC parse
 * error), held for the configured latency, and forwarded to the node; a node that cannot be reached gets the
 * client a 502 JSON-RPC error, a node that does not answer in time a 504.
 */
export async function startRpcProxy({ upstreamUrl, host = '127.0.0.1', port = 0, upstreamTimeoutMs = 30_000 }: StartRpcProxyParameters): Promise<RpcProxy> {
  const upstream = new URL(upstreamUrl);
  let agent = new http.Agent({ keepAlive: true });
  const methodCounts = new Map<string, number>();
  let httpRequests = 0;
  let latencyMs = 0;
  const delays = new Set<NodeJS.Timeout>();

  const server = http.createServer((request, response) => {
    httpRequests += 1;
    if (request.method !== 'POST') {
      request.resume();
      reply(response, 405, rpcError(null, errorCodes.invalidRequest, 'Send JSON-RPC requests with POST.'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      const respond = handle(Buffer.concat(chunks), size);
      const timer = setTimeout(() => {
        delays.delete(timer);
        respond(response);
      }, latencyMs);
      delays.add(timer);
    });
  });

  /** Counts the calls in a request body as it arrives and returns what to answer once the latency has passed. */
  function handle(body: Buffer, size: number): (response: http.ServerResponse) => void {
    if (size > MAX_BODY_BYTES) {
      return (response) => reply(response, 413, rpcError(null, errorCodes.invalidRequest, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return (response) => reply(response, 400, rpcError(null, errorCodes.parseError, 'The request body is not valid JSON.'));
    }
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    for (const call of calls) {
      const method = (call as { method?: unknown } | null)?.method;
      if (typeof method === 'string') methodCounts.set(method, (methodCounts.get(method) ?? 0) + 1);
    }
    const id = Array.isArray(parsed) ? null : ((parsed as { id?: unknown } | null)?.id ?? null);
    return (response) => forward(body, id, response);
  }

  function forward(body: Buffer, id: unknown, response: http.ServerResponse): void {
    const upstreamRequest = http.request(upstream, {
      method: 'POST',
      agent,
      timeout: upstreamTimeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    });
    upstreamRequest.on('response', (upstreamResponse) => {
      const chunks: Buffer[] = [];
      upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstreamResponse.on('end', () => {
        const payload = Buffer.concat(chunks);
        if (response.destroyed || response.headersSent) return;
        response.writeHead(upstreamResponse.statusCode ?? 502, {
          'content-type': upstreamResponse.headers['content-type'] ?? 'application/json',
          'content-length': payload.length,
        });
        response.end(payload);
      });
      upstreamResponse.on('error', () => reply(response, 502, rpcError(id, errorCodes.upstreamUnavailable, 'The node behind this endpoint dropped the response.')));
    });
    upstreamRequest.on('timeout', () => {
      upstreamRequest.destroy();
      reply(response, 504, rpcError(id, errorCodes.upstreamUnavailable, `The node behind this endpoint did not answer within ${upstreamTimeoutMs} ms.`));
    });
    upstreamRequest.on('error', (error) => {
      reply(response, 502, rpcError(id, errorCodes.upstreamUnavailable, `The node behind this endpoint is unreachable (${error.message}).`));
    });
    upstreamRequest.end(body);
  }

  await listen(server, port, host);
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  let listening = true;
  let transition: Promise<void> = Promise.resolve();
  const serialize = (step: () => Promise<void>): Promise<void> => {
    const next = transition.then(step);
    transition = next.catch(() => undefined);
    return next;
  };

  return {
    url,
    calls: () => ({ __requests: httpRequests, ...Object.fromEntries(methodCounts) }),
    reset() {
      methodCounts.clear();
      httpRequests = 0;
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new DevnetError(`Latency must be a non-negative number of milliseconds, not ${ms}.`);
      latencyMs = ms;
    },
    kill: () =>
      serialize(async () => {
        if (!listening) return;
        listening = false;
        for (const timer of delays) clearTimeout(timer);
        delays.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        agent.destroy();
        await closed;
      }),
    revive: () =>
      serialize(async () => {
        if (listening) return;
        agent = new http.Agent({ keepAlive: true });
        await listen(server, boundPort, host);
        listening = true;
      }),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      reject(new DevnetError(`The RPC proxy cannot listen on ${host}:${port}; free the port or choose another base port.`, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function rpcError(id: unknown, code: number, message: string): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } });
}

function reply(response: http.ServerResponse, status: number, body: string): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
