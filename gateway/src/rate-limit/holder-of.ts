import type { Principal } from '@junction/federation/identity';
import { clientAddress, type ClientAddressParameters } from './client-address';

/** Parameters of {@link holderOf}. */
export interface HolderOfParameters extends ClientAddressParameters {
  /** The caller; null (a key that does not work) and principals without a key count as their client address. */
  principal: Principal | null;
}

/**
 * Whom a request's limits are counted against: its API key (`key:<keyId>`) or, for anonymous callers and keys that
 * do not work, its client address (`addr:<ip>`, see {@link clientAddress}).
 */
export function holderOf({ principal, ...address }: HolderOfParameters): string {
  return principal?.keyId !== undefined ? `key:${principal.keyId}` : `addr:${clientAddress(address)}`;
}
