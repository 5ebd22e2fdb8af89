import { BaseError, ErrorCode } from '@junction/errors';
import { parseApiKey, PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import type { ApiKeyPrincipals } from './api-key-principals';

/** Who a request is, or why it is refused: a key that does not work, or keys that cannot be checked right now. */
export type Caller = { principal: Principal } | { refusal: string; code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.UPSTREAM_UNAVAILABLE };

/** The refusal of a key that is not a Junction key at all. */
const MALFORMED_KEY = 'The API key is malformed; send the whole key you were given (it starts with jct_).';
/** The refusal of a well-formed key that does not work. */
const INVALID_KEY = 'The API key is not valid: it is unknown, revoked or expired; ask an operator for a new one.';

/**
 * The key a request presents, in `Authorization: Bearer …` or `x-api-key` (a WebSocket's connection parameters
 * become these headers, see `connectionRequest`): `{ key }`, `{}` without one, or a refusal for an Authorization
 * header that is not a bearer token.
 */
export function presentedKey(headers: Headers): { key?: string } | { refusal: string } {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? { key: match[1] } : { refusal: 'The Authorization header must be "Bearer <API key>".' };
  }
  const key = headers.get('x-api-key');
  return key === null ? {} : { key };
}

/**
 * Who `request` is: its key's principal, the public when it sends no key, or why it is refused. Resolved once per
 * request, however many parts of the gateway ask (authorization, rate limits, the response cache, persisted
 * documents, a WebSocket's connection).
 */
export function resolveCaller(request: Request, principals: ApiKeyPrincipals): Promise<Caller> {
  let caller = callers.get(request);
  if (!caller) {
    caller = resolve(request, principals);
    callers.set(request, caller);
  }
  return caller;
}

/** Each request's caller, while the request lives. */
const callers = new WeakMap<Request, Promise<Caller>>();

async function resolve(request: Request, principals: ApiKeyPrincipals): Promise<Caller> {
  const presented = presentedKey(request.headers);
  if ('refusal' in presented) return { refusal: presented.refusal, code: ErrorCode.UNAUTHENTICATED };
  if (presented.key === undefined) return { principal: PUBLIC_PRINCIPAL };
  if (!parseApiKey(presented.key)) return { refusal: MALFORMED_KEY, code: ErrorCode.UNAUTHENTICATED };
  try {
    const principal = await principals.resolve(presented.key);
    return principal ? { principal } : { refusal: INVALID_KEY, code: ErrorCode.UNAUTHENTICATED };
  } catch (error) {
    if (error instanceof BaseError) return { refusal: error.shortMessage, code: ErrorCode.UPSTREAM_UNAVAILABLE };
    throw error;
  }
}

/**
 * Whether resolving `request`'s caller would ask the partners subgraph: it presents a well-formed key whose answer
 * is not remembered yet. A missing key, a malformed one and a known one (working or not) cost no lookup.
 */
export function needsKeyLookup(request: Request, principals: ApiKeyPrincipals): boolean {
  const presented = presentedKey(request.headers);
  return 'key' in presented && presented.key !== undefined && parseApiKey(presented.key) !== null && !principals.knows(presented.key);
}

/**
 * Who a request presents itself as, for a request answered before the gateway built its context (it did not
 * parse, did not validate, or its key was refused): its key's principal, the public when it sends no key, and
 * null when its key does not work or cannot be checked right now. Never throws.
 */
export async function identifyRequest(request: Request, principals: ApiKeyPrincipals): Promise<Principal | null> {
  try {
    const caller = await resolveCaller(request, principals);
    return 'principal' in caller ? caller.principal : null;
  } catch {
    return null;
  }
}
