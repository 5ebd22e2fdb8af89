import type { PartnersContext } from '../context';
import type { PartnerContactEntity } from '../entities/partner-contact.entity';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';

/**
 * Resolves `PartnerContact` references, batched. Contacts are private: a caller who may not see the partner's
 * contacts gets null and a FORBIDDEN error.
 */
export async function resolvePartnerContactReference(
  reference: { id: string },
  { principal, loaders }: PartnersContext,
): Promise<PartnerContactEntity | null> {
  const contact = await loaders.contactById.load(reference.id);
  if (contact) assertPartnerPrivateAccess(principal, contact.partnerId, "see a partner's contacts");
  return contact;
}
