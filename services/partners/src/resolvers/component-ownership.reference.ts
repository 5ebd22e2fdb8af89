import type { PartnersContext } from '../context';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';

/** Resolves `ComponentOwnership` references from other subgraphs, batched: N references cost one query. */
export function resolveComponentOwnershipReference(
  reference: { id: string },
  { loaders }: PartnersContext,
): Promise<ComponentOwnershipEntity | null> {
  return loaders.ownershipById.load(reference.id);
}
