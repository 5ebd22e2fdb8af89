import { parseApiKey, PUBLIC_PRINCIPAL, type Principal } from '@junction/federation';
import { presentedKey } from '../plugins/use-api-key-auth';
import type { ApiKeyPrincipals } from './api-key-principals';

/**
 * Who a request presents itself as, for a request answered before the gateway built its context (it did not
 * parse, did not validate, or its key was refused): its key's principal, the public when it sends no key, and
 * null when its key does not work or cannot be checked right now. Never throws.
 */
export function identifyRequest(request: Request, principals: ApiKeyPrincipals): Promise<Principal | null> {
  // The response cache, persisted documents and the rate limiter all ask; the key is read and looked up once.
  let identified = identities.get(request);
  if (!identified) {
    identified = identify(request, principals);
    identities.set(request, identified);
  }
  return identified;
}

/** Each request's identity, while the request lives. */
const identities = new WeakMap<Request, Promise<Principal | null>>();

async function identify(request: Request, principals: ApiKeyPrincipals): Promise<Principal | null> {
  try {
    const key = presentedKey({ request });
    if (key === undefined) return PUBLIC_PRINCIPAL;
    if (!parseApiKey(key)) return null;
    return await principals.resolve(key);
  } catch {
    return null;
  }
}
