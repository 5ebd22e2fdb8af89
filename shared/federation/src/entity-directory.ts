import { UpstreamUnavailableError } from '@junction/errors';
import { PUBLIC_PRINCIPAL } from './principal';
import { signPrincipal } from './principal-header';

/** Parameters of {@link createEntityDirectory}. */
export interface EntityDirectoryParameters {
  /** The `/graphql` URL of the subgraph that owns each entity type, e.g. `{ Chain: 'http://…/graphql' }`. */
  owners: Record<string, string>;
  /** The secret subgraphs verify principals with; lookups are signed as the public, which is what they need. */
  principalSecret: string;
  /** How long one lookup may take. @default 5000 */
  timeoutMs?: number;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Answers which ids of another subgraph's entity exist, by asking the owner through federation's `_entities`. */
export interface EntityDirectory {
  /** The ids among `ids` that the owning subgraph does not know. */
  findMissing(typename: string, ids: readonly string[]): Promise<string[]>;
}

/**
 * Builds an {@link EntityDirectory}. A service never reads another's tables; to check that a referenced chain or
 * partner exists, it resolves the references at their owner, exactly as the gateway would.
 */
export function createEntityDirectory({ owners, principalSecret, timeoutMs = 5000, fetch = globalThis.fetch }: EntityDirectoryParameters): EntityDirectory {
  return {
    async findMissing(typename, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const url = owners[typename];
      if (!url) throw new Error(`No subgraph is configured as the owner of ${typename}.`);
      let body: { data?: { _entities?: Array<{ id: string } | null> }; errors?: unknown[] };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signPrincipal(PUBLIC_PRINCIPAL, { secret: principalSecret }) },
          body: JSON.stringify({
            query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id } } }`,
            variables: { representations: unique.map((id) => ({ __typename: typename, id })) },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
      } catch (cause) {
        throw new UpstreamUnavailableError(`The subgraph that owns ${typename}`, { cause });
      }
      const found = body.data?._entities;
      if (!found) throw new UpstreamUnavailableError(`The subgraph that owns ${typename}`, { cause: body.errors });
      return unique.filter((_, index) => found[index] === null);
    },
  };
}
