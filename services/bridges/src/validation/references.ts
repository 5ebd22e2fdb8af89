import type { EntityDirectory } from '@junction/federation';

/** Which referenced ids the owning subgraphs do not know. */
export interface MissingReferences {
  /** Chain ids the chains subgraph does not know. */
  chainIds: ReadonlySet<string>;
  /** Partner ids the partners subgraph does not know. */
  partnerIds: ReadonlySet<string>;
}

/** Parameters of {@link findMissingReferences}. */
export interface FindMissingReferencesParameters {
  /** Every chain id the mutation refers to (repeats are fine). */
  chainIds: readonly string[];
  /** Every partner id the mutation refers to. */
  partnerIds: readonly string[];
}

/**
 * Asks the owning subgraphs which referenced ids do not exist: at most one `findMissing('Chain', …)` call with
 * every chain id of the mutation and one `findMissing('Partner', …)` call, in parallel, before any transaction.
 */
export async function findMissingReferences(
  directory: EntityDirectory,
  { chainIds, partnerIds }: FindMissingReferencesParameters,
): Promise<MissingReferences> {
  const [missingChains, missingPartners] = await Promise.all([
    chainIds.length > 0 ? directory.findMissing('Chain', chainIds) : [],
    partnerIds.length > 0 ? directory.findMissing('Partner', partnerIds) : [],
  ]);
  return { chainIds: new Set(missingChains), partnerIds: new Set(missingPartners) };
}

/** The message for an id the chains subgraph does not know. */
export function unknownChainMessage(id: string): string {
  return `no chain has id "${id}"`;
}

/** The message for an id the partners subgraph does not know. */
export function unknownPartnerMessage(id: string): string {
  return `no partner has id "${id}"`;
}
