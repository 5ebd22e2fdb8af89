import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A GraphQL result as a client receives it. */
export interface Result {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** How a WebSocket closed. */
export interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws client connected (or refused) as a partner frontend would connect. */
export interface TestSocket {
  client: Client;
  /** Resolves once the gateway acknowledged `connection_init`; rejects with the close when it refused it. */
  connected: Promise<void>;
  /** Resolves when the socket closes, with the code and reason the gateway sent. */
  closed: Promise<Closed>;
  /** Closes the client and waits for the socket to close. */
  close(): Promise<void>;
}

/** Connects to the gateway's `/graphql` over WebSocket (graphql-transport-ws) with `connectionParams`. */
export function openSocket(gatewayUrl: string, connectionParams?: Record<string, unknown>): TestSocket {
  let onConnected = () => {};
  let onRefused = (_closed: Closed) => {};
  let onClosed = (_closed: Closed) => {};
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onRefused = (closed) => reject(Object.assign(new Error(`closed with ${closed.code} ${closed.reason}`), closed));
  });
  connected.catch(() => {});
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        const close = { code, reason: String(reason) };
        onRefused(close);
        onClosed(close);
      },
    },
  });
  return {
    client,
    connected,
    closed,
    async close() {
      await client.dispose();
      await closed;
    },
  };
}

/** One operation's results as they arrive, over a WebSocket or an event stream. */
export interface Feed {
  /** The next result; rejects after `timeoutMs` without one, or when the feed completed. */
  next(timeoutMs?: number): Promise<Result>;
  /** Resolves when the server completed the operation. */
  completed: Promise<void>;
  /** Stops the operation from the client's side (graphql-ws `complete`, or closing the event stream). */
  stop(): Promise<void>;
}

/** A queue of results with waiters, shared by both transports. */
function feedQueue(): { push(result: Result): void; complete(error?: unknown): void; next(timeoutMs?: number): Promise<Result>; completed: Promise<void> } {
  const results: Result[] = [];
  const waiters: Array<{ resolve(result: Result): void; reject(error: Error): void }> = [];
  let ended: Error | undefined;
  let onCompleted = () => {};
  const completed = new Promise<void>((resolve) => (onCompleted = resolve));
  return {
    push(result) {
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(result);
      else results.push(result);
    },
    complete(error) {
      ended = new Error(error ? `The feed failed: ${String(error)}` : 'The feed completed without another result.');
      for (const waiter of waiters.splice(0)) waiter.reject(ended);
      onCompleted();
    },
    next(timeoutMs = 5000) {
      const queued = results.shift();
      if (queued) return Promise.resolve(queued);
      if (ended) return Promise.reject(ended);
      return new Promise<Result>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No result within ${timeoutMs} ms.`));
        }, timeoutMs);
        const waiter = {
          resolve: (result: Result) => (clearTimeout(timer), resolve(result)),
          reject: (error: Error) => (clearTimeout(timer), reject(error)),
        };
        waiters.push(waiter);
      });
    },
    completed,
  };
}

/** Runs `query` on `socket` (a subscription, or any operation). */
export function subscribeOverSocket(socket: TestSocket, query: string, variables: Record<string, unknown> = {}): Feed {
  const queue = feedQueue();
  const stop = socket.client.subscribe<Result['data']>(
    { query, variables },
    {
      next: (result) => queue.push(result as Result),
      error: (error) => {
        // graphql-ws reports validation errors as an array of errors, and a closed socket as its close event.
        if (Array.isArray(error)) queue.push({ errors: error });
        queue.complete();
      },
      complete: () => queue.complete(),
    },
  );
  return {
    next: queue.next,
    completed: queue.completed,
    async stop() {
      stop();
    },
  };
}

/** An event stream (GraphQL over SSE, distinct connections mode) opened by a JSON POST. */
export interface EventStream extends Feed {
  /** The status of the answer. */
  status: number;
  /** Its headers. */
  headers: Headers;
}

/** POSTs `query` to the gateway asking for `text/event-stream` and reads the events as they come. */
export async function openEventStream(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const queue = feedQueue();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) queue.push(JSON.parse(data) as Result);
          if (event === 'complete') queue.complete();
        }
      }
      queue.complete();
    } catch (error) {
      queue.complete(abort.signal.aborted ? undefined : error);
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    next: queue.next,
    completed: queue.completed,
    async stop() {
      abort.abort();
      await queue.completed;
    },
  };
}

/** Resolves when `check` returns true, polling every 20 ms; rejects with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
