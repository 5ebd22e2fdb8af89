import { createHash } from 'node:crypto';

/** Parameters of {@link responseCacheKey}. */
export interface ResponseCacheKeyParameters {
  /** The caller's view ({@link callerView}). */
  view: string;
  /** The document: its text, or the id a persisted (trusted) document is sent by. */
  document: string;
  /** The operation to run, when the document has several. @default undefined */
  operationName?: string | null;
  /** The variables as sent. @default undefined */
  variables?: unknown;
  /** What else the answers depend on: the supergraph's hash, so a new schema never serves answers shaped by the old one. @default '' */
  salt?: string;
}

/**
 * The key of one cached answer: a SHA-256 over the caller's view, the document, the operation name and the
 * variables (object keys sorted, so `{a,b}` and `{b,a}` share a key). base64url, 43 characters.
 */
export function responseCacheKey({ view, document, operationName, variables, salt = '' }: ResponseCacheKeyParameters): string {
  return createHash('sha256')
    .update(salt)
    .update('\0')
    .update(view)
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(stableJson(variables ?? {}))
    .update('\0')
    .update(document)
    .digest('base64url');
}

/** JSON with every object's keys in sorted order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(Object.keys(item).sort().map((name) => [name, (item as Record<string, unknown>)[name]]));
  });
}
