import { randomUUID } from 'node:crypto';

/** The header a request id travels in, from the client to the gateway, to every subgraph, and back. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The longest request id accepted from a caller. */
export const MAX_REQUEST_ID_LENGTH = 128;

/** What a request id a caller sends may consist of: letters, digits and `._:@=+/-` (UUIDs, hex, ULIDs, trace ids). */
const SAFE_REQUEST_ID = new RegExp(`^[A-Za-z0-9._:@=+/-]{1,${MAX_REQUEST_ID_LENGTH}}$`);

/**
 * The request id of a request: the caller's `x-request-id` when it is at most {@link MAX_REQUEST_ID_LENGTH} safe
 * characters (surrounding blanks trimmed), otherwise a new random UUID. An unsafe id is replaced, never repaired,
 * so a request id is always one the caller sent or one we made.
 */
export function requestIdFor(header: string | string[] | null | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value !== undefined && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
