import type { Page } from '@junction/federation';

/** A page with nothing on it: the answer for filters that cannot match (an id that is not a UUID, for example). */
export function emptyPage<T>(): Page<T> {
  return { edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
}
