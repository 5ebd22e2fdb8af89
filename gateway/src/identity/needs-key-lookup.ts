import { parseApiKey } from '@junction/federation';
import { presentedKey } from '../plugins/use-api-key-auth';
import type { ApiKeyPrincipals } from './api-key-principals';

/**
 * Whether identifying `request` would ask the partners subgraph: it presents a well-formed API key whose answer is
 * not remembered yet. A missing key, a malformed one and a known one (working or not) cost no lookup.
 */
export function needsKeyLookup(request: Request, principals: ApiKeyPrincipals): boolean {
  let key: string | undefined;
  try {
    key = presentedKey({ request });
  } catch {
    return false; // A malformed Authorization header: refused without a lookup.
  }
  return key !== undefined && parseApiKey(key) !== null && !principals.knows(key);
}
