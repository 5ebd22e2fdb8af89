/** One result a subscription delivered. */
export interface SubscriptionResult<Data = any> {
  /** The `data` member. */
  data?: Data;
  /** The `errors` member. */
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** A subscription open over server-sent events. */
export interface SseSubscription<Data = any> {
  /** HTTP status of the answer. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The body, when the server answered with JSON instead of a stream (a refusal). */
  refusal?: { errors?: SubscriptionResult['errors'] };
  /** The next result; rejects when none arrives within `timeoutMs` or the stream ended. */
  next(timeoutMs?: number): Promise<SubscriptionResult<Data>>;
  /** Resolves with the results that arrive within `ms` (to prove that nothing arrives). */
  collectFor(ms: number): Promise<Array<SubscriptionResult<Data>>>;
  /** Whether the server sent `complete` or closed the stream. */
  readonly ended: boolean;
  /** Closes the stream from the client side. */
  close(): void;
}

/**
 * Opens a subscription with a POST and `Accept: text/event-stream` (GraphQL over SSE, distinct connections) and
 * resolves once the response headers arrived; results are read as they come.
 */
export async function sseSubscribe<Data = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SseSubscription<Data>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const queue: Array<SubscriptionResult<Data>> = [];
  const waiters: Array<() => void> = [];
  let ended = false;
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  let refusal: SseSubscription['refusal'];
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    refusal = JSON.parse(await response.text()) as SseSubscription['refusal'];
    ended = true;
  } else {
    void (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
            const message = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const event = /^event: ?(.*)$/m.exec(message)?.[1]?.trim();
            const data = message
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trim())
              .join('\n');
            if (event === 'complete') ended = true;
            else if (data) queue.push(JSON.parse(data) as SubscriptionResult<Data>);
            wake();
          }
        }
      } catch {
        // Aborted by close(), or the server went away: both end the stream.
      }
      ended = true;
      wake();
    })();
  }
  const subscription: SseSubscription<Data> = {
    status: response.status,
    headers: response.headers,
    refusal,
    get ended() {
      return ended;
    },
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0) {
        if (ended) throw new Error('The subscription ended without another result.');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No subscription result within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return queue.shift()!;
    },
    async collectFor(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return queue.splice(0);
    },
    close() {
      controller.abort();
    },
  };
  return subscription;
}
