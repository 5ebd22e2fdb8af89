import type { ExecutionResult } from 'graphql';
import { MAX_UNREAD_RESULTS, SharedSubscription } from '../src/subscriptions/shared-subscription';

/** An upstream the test feeds by hand, recording whether its consumer stopped it. */
function upstream() {
  const queue: Array<IteratorResult<ExecutionResult> | { error: unknown }> = [];
  let wake: (() => void) | undefined;
  const state = { returned: false };
  const feed = (item: IteratorResult<ExecutionResult> | { error: unknown }) => {
    queue.push(item);
    wake?.();
  };
  const iterable: AsyncIterable<ExecutionResult> = {
    [Symbol.asyncIterator]: () => ({
      async next() {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const item = queue.shift()!;
        if ('error' in item) throw item.error;
        return item;
      },
      async return() {
        state.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return {
    iterable,
    state,
    send: (n: number) => feed({ done: false, value: { data: { n } } }),
    end: () => feed({ done: true, value: undefined }),
    fail: (error: unknown) => feed({ error }),
  };
}

function started() {
  let stops = 0;
  const source = upstream();
  const shared = new SharedSubscription(() => (stops += 1));
  const first = shared.subscribe();
  shared.start(source.iterable);
  return { shared, source, first, stops: () => stops };
}

describe('a shared subscription', () => {
  it('hands every result to every subscriber, each its own copy of the data', async () => {
    const { shared, source, first } = started();
    const second = shared.subscribe();
    source.send(1);
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a).toEqual({ done: false, value: { data: { n: 1 } } });
    expect(b).toEqual(a);
    expect(a.value!.data).not.toBe(b.value!.data);
  });

  it('keeps running while one subscriber leaves, and stops its upstream when the last one does', async () => {
    const { shared, source, first, stops } = started();
    const second = shared.subscribe();
    await first.return!();
    expect(shared.stopped).toBe(false);
    source.send(2);
    expect(await second.next()).toEqual({ done: false, value: { data: { n: 2 } } });
    expect(await first.next()).toEqual({ done: true, value: undefined });
    await second.return!();
    expect(shared.stopped).toBe(true);
    expect(shared.signal.aborted).toBe(true);
    expect(source.state.returned).toBe(true);
    expect(stops()).toBe(1);
  });

  it('ends every subscriber when the upstream ends, after the results they have not read', async () => {
    const { shared, source, first, stops } = started();
    const second = shared.subscribe();
    source.send(3);
    source.end();
    for (const subscriber of [first, second]) {
      expect(await subscriber.next()).toEqual({ done: false, value: { data: { n: 3 } } });
      expect(await subscriber.next()).toEqual({ done: true, value: undefined });
    }
    expect(stops()).toBe(1);
  });

  it('fails every subscriber, waiting or not, with the upstream error', async () => {
    const { shared, source, first } = started();
    const second = shared.subscribe();
    const waiting = first.next();
    const failure = new Error('The incidents service went away.');
    source.fail(failure);
    await expect(waiting).rejects.toBe(failure);
    await expect(second.next()).rejects.toBe(failure);
    expect(await second.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a subscriber that leaves too many results unread with SUBSCRIBER_TOO_SLOW, and keeps serving the others', async () => {
    const { shared, source, first } = started();
    const reader = shared.subscribe();
    for (let n = 0; n <= MAX_UNREAD_RESULTS; n += 1) {
      source.send(n);
      expect(await reader.next()).toEqual({ done: false, value: { data: { n } } });
    }
    await expect(first.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIBER_TOO_SLOW' } });
    expect(await first.next()).toEqual({ done: true, value: undefined });
    expect(shared.subscribers).toBe(1);
    source.send(-1);
    expect(await reader.next()).toEqual({ done: false, value: { data: { n: -1 } } });
  });
});
