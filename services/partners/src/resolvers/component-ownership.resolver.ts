import { BadUserInputError, NotFoundError } from '@junction/errors';
import { type EntityDirectory, type Page, PageArgs, RequiresAccess } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { ComponentOwnershipRepository } from '../repositories/component-ownership.repository';
import { explicitNullProblems } from '../rules/required-fields';
import { subjectProblems, subjectReferenceProblems } from '../rules/subject';
import { BridgeReference } from '../types/bridge-reference';
import { ChainReference } from '../types/chain-reference';
import { ComponentOwnership, ComponentOwnershipConnection } from '../types/component-ownership';
import { AssignComponentOwnershipInput, ComponentOwnershipFilter, ReassignComponentOwnershipInput } from '../types/component-ownership-inputs';
import { Partner } from '../types/partner';

/** The ownership matrix: who owns which component of which chain or bridge. Public. */
@Resolver(() => ComponentOwnership)
export class ComponentOwnershipResolver {
  constructor(
    private readonly ownerships: ComponentOwnershipRepository,
    private readonly directory: EntityDirectory,
  ) {}

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => ComponentOwnershipConnection, { description: 'The ownership matrix, by component, filtered and paginated.' })
  componentOwnerships(
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => ComponentOwnershipFilter, { nullable: true }) filter?: ComponentOwnershipFilter,
  ): Promise<Page<ComponentOwnershipEntity>> {
    return this.ownerships.findPage(filter ?? new ComponentOwnershipFilter(), first, after);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => ComponentOwnership, {
    description: 'Assigns a component of a chain or bridge to an owner (and a backup). A component of a target has one owner.',
  })
  async assignComponentOwnership(
    @Arg('input', () => AssignComponentOwnershipInput) input: AssignComponentOwnershipInput,
  ): Promise<ComponentOwnershipEntity> {
    const problems = subjectProblems(input, 'a component ownership belongs to exactly one chain or one bridge');
    if (input.backupPartnerId && input.backupPartnerId === input.ownerPartnerId) {
      problems.push({ field: 'input.backupPartnerId', message: 'must differ from the owner: a backup covers for another partner' });
    }
    if (problems.length === 0) problems.push(...(await subjectReferenceProblems(this.directory, input)));
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.ownerships.assign(input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => ComponentOwnership, { description: 'Hands a component to another owner or backup; omitted fields keep their value.' })
  reassignComponentOwnership(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReassignComponentOwnershipInput) input: ReassignComponentOwnershipInput,
  ): Promise<ComponentOwnershipEntity> {
    const problems = explicitNullProblems(input, ['ownerPartnerId']);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.ownerships.reassign(id, input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => ComponentOwnership, { description: 'Removes a cell of the ownership matrix; returns what was removed.' })
  removeComponentOwnership(@Arg('id', () => ID) id: string): Promise<ComponentOwnershipEntity> {
    return this.ownerships.remove(id);
  }

  @FieldResolver(() => ChainReference, { nullable: true, description: 'The chain whose component this is; null for a bridge component.' })
  chain(@Root() ownership: ComponentOwnershipEntity): ChainReference | null {
    return ownership.chainId ? { id: ownership.chainId } : null;
  }

  @FieldResolver(() => BridgeReference, { nullable: true, description: 'The bridge whose component this is; null for a chain component.' })
  bridge(@Root() ownership: ComponentOwnershipEntity): BridgeReference | null {
    return ownership.bridgeId ? { id: ownership.bridgeId } : null;
  }

  @FieldResolver(() => Partner, { description: 'The partner that owns (is responsible for) the component.' })
  async partner(@Root() ownership: ComponentOwnershipEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity> {
    const partner = await loaders.partnerById.load(ownership.ownerPartnerId);
    if (!partner) throw new NotFoundError('partner', ownership.ownerPartnerId);
    return partner;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner that covers when the owner cannot; null when none.' })
  async backup(@Root() ownership: ComponentOwnershipEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity | null> {
    if (!ownership.backupPartnerId) return null;
    const partner = await loaders.partnerById.load(ownership.backupPartnerId);
    if (!partner) throw new NotFoundError('partner', ownership.backupPartnerId);
    return partner;
  }
}
