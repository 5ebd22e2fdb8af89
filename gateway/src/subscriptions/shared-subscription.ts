import { ErrorCode } from '@junction/errors';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { setMaxListeners } from 'node:events';

/** How many results a subscriber may leave unread before it is ended, so one slow client cannot hold the others' memory. */
export const MAX_UNREAD_RESULTS = 1000;

/**
 * One upstream subscription whose results are handed to every subscriber that joined it. It starts with its first
 * subscriber and stops (its upstream returned, its signal aborted) when its last one leaves, so a subscriber that
 * leaves never ends the stream for the others. Each subscriber reads at its own pace from its own queue; one that
 * leaves more than {@link MAX_UNREAD_RESULTS} results unread is ended with `SUBSCRIBER_TOO_SLOW`. When the upstream
 * ends or fails, every subscriber ends or fails the same way.
 */
export class SharedSubscription {
  /** Aborted when the last subscriber leaves: what the upstream's subgraph requests listen to instead of any subscriber's. */
  readonly #abort = new AbortController();
  readonly #subscribers = new Set<Subscriber>();
  #upstream: AsyncIterator<ExecutionResult> | undefined;
  #stopped = false;

  /** Called once, when the last subscriber has left or the upstream has ended. */
  constructor(private readonly onStop: () => void) {
    // Each subgraph request made for an event adds an abort listener to this signal; the runtime removes it once that
    // request's own signal is collected, so a busy subscription has many at once without leaking any.
    setMaxListeners(0, this.#abort.signal);
  }

  /** The signal the upstream's work runs under. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** How many subscribers read from it. */
  get subscribers(): number {
    return this.#subscribers.size;
  }

  /** Whether it can still take subscribers. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Starts reading `upstream` and handing each result to the subscribers. */
  start(upstream: AsyncIterable<ExecutionResult>): void {
    this.#upstream = upstream[Symbol.asyncIterator]();
    void this.#pump(this.#upstream);
  }

  /** A new subscriber: an iterator of the results from now on, leaving when the consumer calls `return`. */
  subscribe(): AsyncIterableIterator<ExecutionResult> {
    const subscriber = new Subscriber(() => this.#leave(subscriber));
    this.#subscribers.add(subscriber);
    return subscriber;
  }

  async #pump(upstream: AsyncIterator<ExecutionResult>): Promise<void> {
    try {
      for (;;) {
        const step = await upstream.next();
        if (step.done) break;
        for (const subscriber of this.#subscribers) subscriber.push(step.value);
      }
      for (const subscriber of this.#subscribers) subscriber.end();
    } catch (error) {
      for (const subscriber of this.#subscribers) subscriber.fail(error);
    }
    this.#stop();
  }

  #leave(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size === 0) this.#stop();
  }

  #stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.onStop();
    this.#abort.abort();
    this.#upstream?.return?.().catch(() => {});
  }
}

/** One subscriber's queue of unread results. */
class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  readonly #unread: ExecutionResult[] = [];
  #waiting: { resolve: (step: IteratorResult<ExecutionResult>) => void; reject: (error: unknown) => void } | undefined;
  #ending: { error: unknown } | 'done' | undefined;

  constructor(private readonly leave: () => void) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  /** Hands on a result: a copy of its data, so no subscriber's plugins can change what another one reads. */
  push(result: ExecutionResult): void {
    if (this.#ending) return;
    const copy = result.data ? { ...result, data: structuredClone(result.data) } : result;
    if (this.#waiting) {
      this.#take().resolve({ done: false, value: copy });
    } else if (this.#unread.length >= MAX_UNREAD_RESULTS) {
      this.#unread.length = 0;
      this.fail(tooSlow());
      this.leave();
    } else {
      this.#unread.push(copy);
    }
  }

  end(): void {
    this.#finish('done');
  }

  fail(error: unknown): void {
    this.#finish({ error });
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.#unread.shift();
    if (value) return Promise.resolve({ done: false, value });
    if (this.#ending === 'done') return Promise.resolve({ done: true, value: undefined });
    if (this.#ending) {
      const { error } = this.#ending;
      this.#ending = 'done';
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.#unread.length = 0;
    this.#finish('done');
    this.leave();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.return();
    return Promise.reject(error);
  }

  #finish(ending: { error: unknown } | 'done'): void {
    if (this.#ending) return;
    if (!this.#waiting) {
      this.#ending = ending;
      return;
    }
    const waiting = this.#take();
    this.#ending = 'done';
    if (ending === 'done') waiting.resolve({ done: true, value: undefined });
    else waiting.reject(ending.error);
  }

  #take() {
    const waiting = this.#waiting!;
    this.#waiting = undefined;
    return waiting;
  }
}

function tooSlow(): GraphQLError {
  return new GraphQLError(
    `This subscription was ended because its client left more than ${MAX_UNREAD_RESULTS} results unread; read results as they arrive, then subscribe again.`,
    { extensions: { code: ErrorCode.SUBSCRIBER_TOO_SLOW } },
  );
}
