import { Directive } from 'type-graphql';
import { VARIES_BY_CALLER_TAG } from './varies-by-caller-tag';

/**
 * Marks a type or field whose objects the subgraph filters or withholds by the caller's principal without an
 * `@authenticated` / `@requiresScopes` saying so (incident visibility, a partner's private data): a federation
 * `@tag` that composition carries into the supergraph. The gateway reads it to keep fetches that select it signed as
 * the caller; a fetch that selects nothing marked (and nothing with an access directive) is signed as the public and
 * shared between callers. Put it next to the filtering code, on every type a caller could read the filtered set
 * through (the item, its connection and edge, the types only reachable through it).
 */
export function VariesByCaller(): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Directive(`@tag(name: "${VARIES_BY_CALLER_TAG}")`);
}
