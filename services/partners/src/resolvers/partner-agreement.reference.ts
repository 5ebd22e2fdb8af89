import type { PartnersContext } from '../context';
import type { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';

/**
 * Resolves `PartnerAgreement` references, batched. Agreements are private: a caller who may not see the
 * partner's agreements gets null and a FORBIDDEN error.
 */
export async function resolvePartnerAgreementReference(
  reference: { id: string },
  { principal, loaders }: PartnersContext,
): Promise<PartnerAgreementEntity | null> {
  const agreement = await loaders.agreementById.load(reference.id);
  if (agreement) assertPartnerPrivateAccess(principal, agreement.partnerId, "see a partner's agreements");
  return agreement;
}
