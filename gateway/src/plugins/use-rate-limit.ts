import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { holderOf } from '../rate-limit/holder-of';
import { rateLimitHeaders, retryAfterSeconds, type RateLimitDecision } from '../rate-limit/rate-limit-headers';
import { bucketLimits, describeWindow, type RateLimits } from '../rate-limit/rate-limit-policy';
import type { TokenBucketStore } from '../rate-limit/token-bucket-store';
import { logToStderr, type FailureLog } from '../redis/redis-fallback';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useRateLimit}. */
export interface UseRateLimitOptions {
  /** Where the buckets live (memory, or Redis shared by the replicas). */
  store: TokenBucketStore;
  /** The limit of each role. */
  limits: RateLimits;
  /** Proxies in front of the gateway whose `X-Forwarded-For` is trusted; 0 uses the socket's address. @default 0 */
  trustProxy?: number;
  /**
   * Who a request presents itself as when it is answered before the gateway built its context (it did not parse
   * or validate, or its key was refused): its key's principal, the public without a key, null when the key does
   * not work (it then counts against its client address). @default every such request counts as anonymous
   */
  identify?: (request: Request) => Promise<Principal | null>;
  /**
   * Whether identifying a request would ask the partners subgraph (it presents a well-formed key whose answer is
   * not remembered yet). Such a request first costs a token of its client address's lookup bucket
   * (`lookup:addr:<ip>`, with the PUBLIC limit), before anything looks its key up: a client sending made-up keys
   * makes at most that many lookups, and past it is refused with 429 `RATE_LIMITED` without one. Then it costs what
   * any request costs (its key's token, or its address's when the key does not work). @default no request needs a lookup
   */
  needsKeyLookup?: (request: Request) => boolean;
  /** The path of the GraphQL endpoint; other paths (`/healthz`, `/readyz`) are not limited. @default '/graphql' */
  graphqlEndpoint?: string;
  /** The clock of `X-RateLimit-Reset`, epoch milliseconds. @default Date.now */
  now?: () => number;
  /** Where a failure to label an answer is reported. @default a JSON line on stderr */
  log?: FailureLog;
}

/** The lookup bucket, for what the gateway serves outside the runtime's request path (WebSocket connections). */
export interface KeyLookupGate {
  /**
   * Charges a request that presents a key needing a lookup to its address's lookup bucket (see
   * {@link UseRateLimitOptions.needsKeyLookup}); resolves with a sentence saying how long to wait when the bucket
   * is empty (then nothing may look the key up), undefined otherwise.
   */
  keyLookupRefusal(request: Request, req: IncomingMessage | undefined): Promise<string | undefined>;
}

/** Where a request comes from: what {@link holderOf} reads its client address from. */
interface RequestSource {
  req?: IncomingMessage;
  headers: Headers;
}

/** Whose bucket a decision took from: the caller's key's, its address's, or its address's lookups'. */
type Holder = 'key' | 'address' | 'lookup';

/** A decision and whom it was about. */
interface Decision extends RateLimitDecision {
  /** Whose bucket it was. */
  holder: Holder;
}

/**
 * Rate limits per principal: every GraphQL operation takes a token from its caller's bucket, the bucket of its
 * API key (`key:<keyId>`, with its role's limit) or, for anonymous callers, of its client address (`addr:<ip>`,
 * with the PUBLIC limit). Registered after {@link useApiKeyAuth}, it reads the principal that plugin put in the
 * context. Over the limit, the operation is refused with 429 `RATE_LIMITED`, `Retry-After` and a sentence saying
 * how long to wait. A request presenting a key that must be looked up first also costs a token of its address's
 * lookup bucket, before the lookup (see {@link UseRateLimitOptions.needsKeyLookup}). A request answered before its
 * context was built (unparsable, invalid, refused key, batch) costs a token of the bucket it presents too, when its
 * answer is sent (over a WebSocket, when its result is ready). Every answer of the GraphQL endpoint carries
 * `X-RateLimit-*`, `RateLimit-Policy` and `RateLimit` (see {@link rateLimitHeaders}); health checks and GraphiQL
 * page loads are neither limited nor labelled.
 */
export function useRateLimit({
  store,
  limits,
  trustProxy = 0,
  identify = async () => PUBLIC_PRINCIPAL,
  needsKeyLookup = () => false,
  graphqlEndpoint = '/graphql',
  now = Date.now,
  log = logToStderr,
}: UseRateLimitOptions): GatewayPlugin<PrincipalContext> & KeyLookupGate {
  const decisions = new WeakMap<Request, Decision>();

  async function decide(principal: Principal | null, { req, headers }: RequestSource, lookup = false): Promise<Decision> {
    const role = principal?.role ?? 'PUBLIC';
    const policy = limits[role];
    const holder = holderOf({ principal, req, headers, trustProxy });
    const result = await store.take(lookup ? `lookup:${holder}` : holder, bucketLimits(policy));
    return { policyName: role.toLowerCase(), policy, result, decidedAt: now(), holder: lookup ? 'lookup' : principal?.keyId !== undefined ? 'key' : 'address' };
  }

  /** Keeps the decision that matters for the answer: a refusal over a pass, else the latest (a batch decides per operation). */
  function remember(request: Request, decision: Decision): void {
    const previous = decisions.get(request);
    if (!previous || previous.result.allowed) decisions.set(request, decision);
  }

  /** The refusal of a request whose key would need a lookup its address has no token left for; undefined otherwise. */
  async function lookupRefusal(request: Request, req: IncomingMessage | undefined): Promise<Decision | undefined> {
    if (!needsKeyLookup(request)) return undefined;
    const decision = await decide(null, { req, headers: request.headers }, true);
    return decision.result.allowed ? undefined : decision;
  }

  return {
    async keyLookupRefusal(request, req) {
      const decision = await lookupRefusal(request, req);
      if (!decision) return undefined;
      return `Too many connections with API keys the gateway has not checked recently came from this address; retry in ${waitOf(decision)}.`;
    },
    // Before the request is parsed, so before the persisted documents, the response cache and useApiKeyAuth
    // resolve its key (Yoga answers health checks, preflights and GraphiQL pages earlier, in `onRequest`).
    async onRequestParse({ request, serverContext }) {
      const decision = await lookupRefusal(request, (serverContext as { req?: IncomingMessage } | undefined)?.req);
      if (!decision) return;
      // Its answer is labelled with this decision: nothing identifies the request (and looks its key up) after.
      decisions.set(request, decision);
      throw refusalError(decision);
    },
    async onContextBuilding({ context }) {
      const ctx = context as PrincipalContext & { request?: Request; req?: IncomingMessage };
      const request = ctx.request;
      const decision = await decide(ctx.principal ?? PUBLIC_PRINCIPAL, { req: ctx.req, headers: request?.headers ?? new Headers() });
      if (request) remember(request, decision);
      if (!decision.result.allowed) throw refusalError(decision);
    },
    async onExecutionResult({ request, context, setResult }) {
      // A WebSocket operation has no HTTP answer for `onResponse` to charge: one the response cache answered (no
      // context was built) is charged here.
      if (!('connectionParams' in context) || decisions.has(request)) return;
      const req = (context as { req?: IncomingMessage }).req;
      const decision = await decide(await identify(request), { req, headers: request.headers });
      remember(request, decision);
      if (!decision.result.allowed) setResult({ errors: [refusalError(decision)] });
    },
    async onResponse({ request, response, serverContext, setResponse, fetchAPI }) {
      // Exceptions thrown here would reach node's http server: nothing may escape.
      try {
        let decision = decisions.get(request);
        if (!decision) {
          if (!isGraphQLAnswer(request, response, graphqlEndpoint)) return;
          const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
          decision = await decide(await identify(request), { req, headers: request.headers });
          if (!decision.result.allowed) response = refusedResponse(request, decision, fetchAPI.Response);
        }
        const headers = rateLimitHeaders(decision);
        try {
          setHeaders(response.headers, headers);
        } catch {
          // Immutable headers (a response from fetch): copy the response.
          response = new fetchAPI.Response(response.body, response);
          setHeaders(response.headers, headers);
        }
        setResponse(response);
      } catch (error) {
        log({ level: 'error', msg: 'Setting the rate limit headers failed; the answer goes out without them.', error: String(error) });
      }
    },
  };
}

/**
 * Sets each header, replacing any value it has. Deleting first matters: @whatwg-node's Headers built from an object
 * keep that object's spelling, and `set` with another spelling (`Retry-After` from the error) would add a second.
 */
function setHeaders(target: Headers, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    target.delete(name);
    target.set(name, value);
  }
}

/** Whether `response` answers a GraphQL request (not a health check, a preflight or a GraphiQL page). */
function isGraphQLAnswer(request: Request, response: Response, graphqlEndpoint: string): boolean {
  if (request.method === 'OPTIONS') return false;
  if (new URL(request.url, 'http://localhost').pathname !== graphqlEndpoint) return false;
  return !(response.headers.get('content-type') ?? '').startsWith('text/html');
}

/** The refusal of an operation over the limit: 429 `RATE_LIMITED` with `Retry-After`. */
function refusalError(decision: Decision): GraphQLError {
  return new GraphQLError(refusal(decision), {
    extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds(decision.result)) } } },
  });
}

/** How long to wait before retrying, in words: "1 second", "12 seconds". */
function waitOf({ result }: Pick<Decision, 'result'>): string {
  const seconds = retryAfterSeconds(result);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** A sentence a person can act on: the limit, and how long to wait. */
function refusal({ policy, policyName, result, holder }: Decision): string {
  const rate = `${policy.requests} requests per ${describeWindow(policy.windowSeconds)}`;
  const burst = policy.burst !== undefined && policy.burst !== policy.requests ? `, at most ${policy.burst} at once` : '';
  const wait = waitOf({ result });
  if (holder === 'key') return `Rate limit exceeded: a ${policyName} API key may make ${rate}${burst}; retry in ${wait}.`;
  if (holder === 'lookup') {
    return `Rate limit exceeded: one address may make ${rate}${burst} with API keys the gateway has not checked recently; retry in ${wait}.`;
  }
  return `Rate limit exceeded: anonymous callers may make ${rate}${burst} from one address; retry in ${wait}, or send an API key for a higher limit.`;
}

/** The 429 answer for a request refused after the fact (its own answer, an error, is dropped). */
function refusedResponse(request: Request, decision: Decision, ResponseClass: typeof Response): Response {
  const accept = request.headers.get('accept') ?? '';
  const type = accept.includes('application/graphql-response+json') ? 'application/graphql-response+json' : 'application/json';
  const body = JSON.stringify({ errors: [{ message: refusal(decision), extensions: { code: ErrorCode.RATE_LIMITED } }] });
  return new ResponseClass(body, { status: 429, headers: { 'content-type': `${type}; charset=utf-8` } });
}
