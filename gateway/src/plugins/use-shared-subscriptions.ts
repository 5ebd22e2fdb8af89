import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import { isAsyncIterable } from '@graphql-tools/utils';
import { PUBLIC_PRINCIPAL } from '@junction/federation/identity';
import type { ExecutionResult } from 'graphql';
import { callerView } from '../response-cache/caller-view';
import { SharedSubscription } from '../subscriptions/shared-subscription';
import type { PrincipalContext } from './use-api-key-auth';

/** What {@link useSharedSubscriptions} reports. */
export interface SharedSubscriptions {
  /** Subscriptions this replica holds open towards the subgraphs (each serving one or more clients). */
  upstreamSubscriptions(): number;
}

/**
 * Makes subscriptions scale with distinct operations, not with subscribers: clients that subscribe with the same
 * operation, variables and view (role, partner, scopes: `callerView`, as the response cache and shared subgraph
 * fetches share) are served by one upstream subscription, executed once per event, each client getting its own
 * copy. Callers with different views never share one, so nobody sees a result computed for what someone else may
 * see. The upstream runs under a signal of its own: the first subscriber leaving does not end it for the others; the
 * last one leaving does.
 *
 * Register it before the plugins that count or watch each subscriber (the subscription cap, metrics): they wrap what
 * this plugin returns, so they still see every client.
 */
export function useSharedSubscriptions(): GatewayPlugin<PrincipalContext> & SharedSubscriptions {
  const open = new Map<string, Promise<SharedSubscription | ExecutionResult>>();
  return {
    upstreamSubscriptions: () => open.size,
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const context = args.contextValue as PrincipalContext & { request?: Request };
        const key = [
          callerView(context.principal ?? PUBLIC_PRINCIPAL),
          args.operationName ?? '',
          defaultPrintFn(args.document),
          JSON.stringify(args.variableValues ?? {}),
        ].join('\n');
        for (;;) {
          const pending = open.get(key);
          if (!pending) break;
          const found = await pending;
          if (!(found instanceof SharedSubscription)) return found;
          if (!found.stopped) return found.subscribe();
          // It stopped between being found and being joined: open another.
        }
        const shared = new SharedSubscription(() => forget());
        let first: AsyncIterableIterator<ExecutionResult> | undefined;
        const opening = (async () => {
          const result = await subscribeFn({ ...args, contextValue: { ...context, request: context.request && detached(context.request, shared.signal) } });
          if (!isAsyncIterable(result)) return result as ExecutionResult;
          // The opener joins before the first result can arrive, so the stream cannot end with nobody on it.
          first = shared.subscribe();
          shared.start(result as AsyncIterable<ExecutionResult>);
          return shared;
        })();
        open.set(key, opening);
        function forget() {
          if (open.get(key) === opening) open.delete(key);
        }
        // A refusal (no stream) goes to whoever asked meanwhile, then is forgotten: the next caller asks again.
        opening.then((result) => result instanceof SharedSubscription || forget(), forget);
        const result = await opening;
        return result instanceof SharedSubscription ? first! : result;
      });
    },
  };
}

/** The subscriber's request as the shared upstream's: same URL and headers, under the upstream's own signal. */
function detached(request: Request, signal: AbortSignal): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, signal });
}
