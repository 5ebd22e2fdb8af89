import type { PartnersContext } from '../context';
import type { PartnerEntity } from '../entities/partner.entity';

/** Resolves `Partner` references from other subgraphs, batched: N references cost one query. */
export function resolvePartnerReference(reference: { id: string }, { loaders }: PartnersContext): Promise<PartnerEntity | null> {
  return loaders.partnerById.load(reference.id);
}
