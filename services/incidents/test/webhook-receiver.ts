import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a {@link WebhookReceiver} got. */
export interface ReceivedWebhook {
  /** The request headers (lower-case names). */
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as received. */
  body: string;
}

/** A real HTTP server on a loopback port standing in for a partner's webhook endpoint; it records every request. */
export interface WebhookReceiver {
  /** Its URL. */
  url: string;
  /** The requests received so far, in order. */
  received: ReceivedWebhook[];
  /** Sets the statuses of the next answers, in order; after them it answers `then`. */
  answer(statuses: number[], then?: number): void;
  /** Holds every answer until {@link release} (to keep deliveries in flight). */
  hold(): void;
  /** Answers the held requests and stops holding. */
  release(): void;
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1, port 0, answering 200 unless told otherwise. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let script: number[] = [];
  let fallback = 200;
  let holding = false;
  const held: Array<() => void> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = script.shift() ?? fallback;
      const respond = () => response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      if (holding) held.push(respond);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const release = () => {
    holding = false;
    for (const respond of held.splice(0)) respond();
  };
  return {
    url: `http://127.0.0.1:${port}/hooks/junction`,
    received,
    answer(statuses, then = 200) {
      script = [...statuses];
      fallback = then;
    },
    hold() {
      holding = true;
    },
    release,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} webhook requests at ${port}, got ${received.length} in ${timeoutMs} ms.`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
