import { RequiresAccess } from '@junction/federation';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { PartnerContactEntity } from '../entities/partner-contact.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { PartnerContactRepository } from '../repositories/partner-contact.repository';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';
import { explicitNullProblems } from '../rules/required-fields';
import { Partner } from '../types/partner';
import { PartnerContact } from '../types/partner-contact';
import { AddPartnerContactInput, UpdatePartnerContactInput } from '../types/partner-contact-inputs';

const MANAGE = "manage a partner's contacts";

/** Partners' contacts: private, so only operators and the partner itself manage them. */
@Resolver(() => PartnerContact)
export class PartnerContactResolver {
  constructor(private readonly contacts: PartnerContactRepository) {}

  @RequiresAccess()
  @Mutation(() => PartnerContact, { description: 'Adds a contact to a partner. Operators and the partner itself only.' })
  addPartnerContact(
    @Ctx() { principal }: PartnersContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input', () => AddPartnerContactInput) input: AddPartnerContactInput,
  ): Promise<PartnerContactEntity> {
    assertPartnerPrivateAccess(principal, partnerId, MANAGE);
    return this.contacts.add(partnerId, input);
  }

  @RequiresAccess()
  @Mutation(() => PartnerContact, { description: 'Changes a contact; omitted fields keep their value. Operators and the partner itself only.' })
  updatePartnerContact(
    @Ctx() { principal }: PartnersContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartnerContactInput) input: UpdatePartnerContactInput,
  ): Promise<PartnerContactEntity> {
    const problems = explicitNullProblems(input, ['name', 'email', 'title', 'onCall']);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.contacts.update(id, input, (partnerId) => assertPartnerPrivateAccess(principal, partnerId, MANAGE));
  }

  @RequiresAccess()
  @Mutation(() => PartnerContact, { description: 'Removes a contact and its personal data. Operators and the partner itself only.' })
  removePartnerContact(@Ctx() { principal }: PartnersContext, @Arg('id', () => ID) id: string): Promise<PartnerContactEntity> {
    return this.contacts.remove(id, (partnerId) => assertPartnerPrivateAccess(principal, partnerId, MANAGE));
  }

  @FieldResolver(() => Partner, { description: 'The partner this person works for.' })
  async partner(@Root() contact: PartnerContactEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity> {
    const partner = await loaders.partnerById.load(contact.partnerId);
    if (!partner) throw new NotFoundError('partner', contact.partnerId);
    return partner;
  }
}
