import { BadUserInputError } from '@junction/errors';
import { type Page, PageArgs, RequiresAccess } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import type { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import type { PartnerContactEntity } from '../entities/partner-contact.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { RolloutPlanEntity } from '../entities/rollout-plan.entity';
import type { PartnerRepository } from '../repositories/partner.repository';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';
import { explicitNullProblems } from '../rules/required-fields';
import { ApiKey } from '../types/api-key';
import { ChainReference } from '../types/chain-reference';
import { ComponentOwnership } from '../types/component-ownership';
import { Partner, PartnerConnection } from '../types/partner';
import { PartnerAgreement } from '../types/partner-agreement';
import { PartnerContact } from '../types/partner-contact';
import { CreatePartnerInput, PartnerFilter, UpdatePartnerInput } from '../types/partner-inputs';
import { RolloutPlan } from '../types/rollout-plan';

/** Queries and mutations of the partner directory, and the partner's own fields. */
@Resolver(() => Partner)
export class PartnerResolver {
  constructor(private readonly repository: PartnerRepository) {}

  @Query(() => Partner, { nullable: true, description: 'One partner by id or slug (archived ones included); null when none matches.' })
  async partner(
    @Ctx() { loaders }: PartnersContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<PartnerEntity | null> {
    if (id) return loaders.partnerById.load(id);
    if (slug) return this.repository.findBySlug(slug);
    return null;
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => PartnerConnection, { description: 'The partner directory, by name, filtered and paginated.' })
  partners(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PartnerFilter, { nullable: true }) filter?: PartnerFilter,
  ): Promise<Page<PartnerEntity>> {
    return this.repository.findPage(filter ?? new PartnerFilter(), first, after);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Partner, { description: 'Adds a partner to the directory.' })
  createPartner(@Arg('input', () => CreatePartnerInput) input: CreatePartnerInput): Promise<PartnerEntity> {
    return this.repository.create(input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Partner, { description: 'Changes a partner; omitted fields keep their value.' })
  updatePartner(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePartnerInput) input: UpdatePartnerInput): Promise<PartnerEntity> {
    const problems = explicitNullProblems(input, ['name', 'kind', 'status']);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.repository.update(id, input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Partner, {
    description: 'Archives a partner: it leaves lists and can no longer be changed. Refused while it owns or backs up a component.',
  })
  archivePartner(@Arg('id', () => ID) id: string): Promise<PartnerEntity> {
    return this.repository.archive(id);
  }

  @Directive('@authenticated')
  @FieldResolver(() => [PartnerContact], {
    nullable: true,
    description: 'Who to reach, on-call first in escalation order. Private: others get null and a FORBIDDEN error.',
  })
  contacts(@Root() partner: PartnerEntity, @Ctx() { principal, loaders }: PartnersContext): Promise<PartnerContactEntity[]> {
    assertPartnerPrivateAccess(principal, partner.id, "see a partner's contacts");
    return loaders.contactsByPartnerId.load(partner.id);
  }

  @Directive('@authenticated')
  @FieldResolver(() => [PartnerAgreement], {
    nullable: true,
    description: 'Agreements with the partner, latest first. Private: others get null and a FORBIDDEN error.',
  })
  agreements(@Root() partner: PartnerEntity, @Ctx() { principal, loaders }: PartnersContext): Promise<PartnerAgreementEntity[]> {
    assertPartnerPrivateAccess(principal, partner.id, "see a partner's agreements");
    return loaders.agreementsByPartnerId.load(partner.id);
  }

  @Directive('@authenticated')
  @FieldResolver(() => [ApiKey], {
    nullable: true,
    description: "The partner's API keys, newest first (revoked ones when asked). Private: others get null and a FORBIDDEN error.",
  })
  async apiKeys(
    @Root() partner: PartnerEntity,
    @Ctx() { principal, loaders }: PartnersContext,
    @Arg('includeRevoked', { defaultValue: false, description: 'Revoked keys too.' }) includeRevoked: boolean,
  ): Promise<ApiKeyEntity[]> {
    assertPartnerPrivateAccess(principal, partner.id, "see a partner's API keys");
    const keys = await loaders.apiKeysByPartnerId.load(partner.id);
    return includeRevoked ? keys : keys.filter((key) => !key.revokedAt);
  }

  @FieldResolver(() => [ComponentOwnership], { description: 'Components of chains and bridges this partner owns or backs up.' })
  ownerships(@Root() partner: PartnerEntity, @Ctx() { loaders }: PartnersContext): Promise<ComponentOwnershipEntity[]> {
    return loaders.ownershipsByPartnerId.load(partner.id);
  }

  @FieldResolver(() => [ChainReference], { description: 'The chains this partner owns at least one component of.' })
  async chains(@Root() partner: PartnerEntity, @Ctx() { loaders }: PartnersContext): Promise<ChainReference[]> {
    const chainIds = await loaders.chainIdsByOwnerId.load(partner.id);
    return chainIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [RolloutPlan], { description: "The partner's rollout plans, most recently started first." })
  rolloutPlans(@Root() partner: PartnerEntity, @Ctx() { loaders }: PartnersContext): Promise<RolloutPlanEntity[]> {
    return loaders.rolloutPlansByPartnerId.load(partner.id);
  }
}
