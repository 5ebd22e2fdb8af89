import { isAsyncIterable } from '@graphql-tools/utils';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { holderOf } from '../rate-limit/holder-of';
import type { SubscriptionLimits } from '../subscriptions/subscription-limits';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useSubscriptionLimit}. */
export interface UseSubscriptionLimitOptions {
  /** How many subscriptions a principal of each role may hold open at once (see `DEFAULT_SUBSCRIPTION_LIMITS`). */
  maxPerPrincipal: SubscriptionLimits;
  /** Proxies in front of the gateway whose `X-Forwarded-For` is trusted for an anonymous client's address. @default 0 */
  trustProxy?: number;
}

/** What the cap knows while the gateway runs. */
export interface SubscriptionLimit {
  /** The open subscriptions of a holder (`key:<keyId>` or `addr:<address>`), for tests and metrics. */
  activeSubscriptions(holder: string): number;
  /** Every open subscription on this replica. */
  openSubscriptions(): number;
}

/**
 * Caps the subscriptions a principal holds open at once, over WebSocket and SSE together: an API key's (`key:<keyId>`,
 * with its role's cap) or, for anonymous callers, a client address's (`addr:<ip>`, with the PUBLIC cap). Registered
 * after `useApiKeyAuth`, it reads the principal that plugin put in the context. A subscription over the cap is
 * answered with `SUBSCRIPTION_LIMIT_REACHED` (HTTP 429 over SSE; a `next` with the error, then `complete`, over a
 * WebSocket, which stays open) and a sentence saying the cap and to close another subscription first. A subscription
 * stops counting when it completes, fails, is completed by the client or its connection closes.
 *
 * The cap is per replica: the count lives in this process's memory, because an open subscription is a live stream
 * held by one replica, and a shared count in Redis would outlive a replica that crashed with subscriptions open
 * (they would never be released). Behind N replicas a principal may hold up to N times its cap; the load balancer
 * spreads connections, so in practice far fewer. Its purpose is to protect one replica's memory and upstream
 * connections from one caller, which a per-replica count does exactly.
 */
export function useSubscriptionLimit({ maxPerPrincipal, trustProxy = 0 }: UseSubscriptionLimitOptions): GatewayPlugin<PrincipalContext> & SubscriptionLimit {
  const active = new Map<string, number>();
  return {
    activeSubscriptions: (holder) => active.get(holder) ?? 0,
    openSubscriptions: () => [...active.values()].reduce((sum, count) => sum + count, 0),
    onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const context = args.contextValue as PrincipalContext & { request?: Request; req?: IncomingMessage };
      const principal = context.principal ?? PUBLIC_PRINCIPAL;
      const keyed = principal.keyId !== undefined;
      const holder = holderOf({ principal, req: context.req, headers: context.request?.headers ?? new Headers(), trustProxy });
      const cap = maxPerPrincipal[principal.role];
      const open = active.get(holder) ?? 0;
      if (open >= cap) {
        setResultAndStopExecution({ errors: [limitReached(principal, cap, keyed)] });
        return;
      }
      active.set(holder, open + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (active.get(holder) ?? 1) - 1;
        if (left > 0) active.set(holder, left);
        else active.delete(holder);
      };
      setSubscribeFn(async (subscribeArgs) => {
        let result: Awaited<ReturnType<typeof subscribeFn>>;
        try {
          result = await subscribeFn(subscribeArgs);
        } catch (error) {
          release();
          throw error;
        }
        if (!isAsyncIterable(result)) {
          release();
          return result;
        }
        return releasingWhenDone(result, release);
      });
    },
  };
}

/**
 * `source`, calling `release` once when it ends by any path: it completes, it fails, or its consumer stops it
 * (`return`, as graphql-ws does when the client completes or disconnects, and Yoga when an SSE client goes away).
 */
function releasingWhenDone<T>(source: AsyncIterable<T>, release: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const settle = async <R>(step: Promise<IteratorResult<T, R>>): Promise<IteratorResult<T, R>> => {
    try {
      const result = await step;
      if (result.done) release();
      return result;
    } catch (error) {
      release();
      throw error;
    }
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => settle(iterator.next()),
    return(value?: unknown) {
      release();
      return iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value: undefined });
    },
    throw(error?: unknown) {
      release();
      return iterator.throw ? iterator.throw(error) : Promise.reject(error);
    },
  };
}

/** The refusal: the cap, and to close another subscription first. */
function limitReached(principal: Principal, cap: number, keyed: boolean): GraphQLError {
  const plural = cap === 1 ? 'subscription' : 'subscriptions';
  const message = keyed
    ? `Subscription limit reached: a ${principal.role.toLowerCase()} API key may hold ${cap} open ${plural} at once on this gateway; close one of them before opening another.`
    : `Subscription limit reached: anonymous callers may hold ${cap} open ${plural} at once from one address; close one of them before opening another, or send an API key for a higher limit.`;
  return new GraphQLError(message, { extensions: { code: ErrorCode.SUBSCRIPTION_LIMIT_REACHED, http: { status: 429 } } });
}
