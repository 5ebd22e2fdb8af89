import { BadUserInputError } from '@junction/errors';
import { type Page, PageArgs, RequiresAccess } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import type { BridgeRouteEntity } from '../entities/bridge-route.entity';
import type { BridgeEntity } from '../entities/bridge.entity';
import { MAX_PROBES_PER_BRIDGE } from '../repositories/bridge-probe.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import { BoundedListArgs, listBound } from '../types/bounded-list-args';
import { Bridge, BridgeConnection } from '../types/bridge';
import { BridgeContract } from '../types/bridge-contract';
import { BridgeFilter, CreateBridgeInput, UpdateBridgeInput } from '../types/bridge-inputs';
import { BridgeProbe } from '../types/bridge-probe';
import { BridgeRoute } from '../types/bridge-route';
import { PartnerReference } from '../types/partner-reference';
import type { BridgeInputCheck } from '../validation/bridge-input-check';

/** Queries and mutations of the bridge catalogue. */
@Resolver(() => Bridge)
export class BridgeResolver {
  constructor(
    private readonly repository: BridgeRepository,
    private readonly check: BridgeInputCheck,
  ) {}

  @Query(() => Bridge, { nullable: true, description: 'One bridge by id or slug (archived ones too); null when none matches.' })
  async bridge(
    @Ctx() { loaders }: BridgesContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<BridgeEntity | null> {
    if (id) return loaders.bridgeById.load(id);
    if (slug) return this.repository.findBySlug(slug);
    return null;
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => BridgeConnection, { description: 'Bridges, by name, filtered and paginated. Archived bridges only with includeArchived.' })
  bridges(@Args() { first, after }: PageArgs, @Arg('filter', () => BridgeFilter, { nullable: true }) filter?: BridgeFilter): Promise<Page<BridgeEntity>> {
    const pair = filter?.betweenChains;
    if (pair && pair.chainA === pair.chainB) {
      throw new BadUserInputError([{ field: 'filter.betweenChains.chainB', message: 'must differ from chainA' }]);
    }
    return this.repository.findPage(filter ?? new BridgeFilter(), first, after);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Bridge, {
    description: 'Adds a bridge with its contracts and routes, all or nothing. Chain and partner ids are checked with their subgraphs.',
  })
  async createBridge(@Arg('input', () => CreateBridgeInput) input: CreateBridgeInput): Promise<BridgeEntity> {
    return this.repository.create(await this.check.forCreate(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Bridge, { description: 'Changes an active bridge; omitted fields keep their value.' })
  async updateBridge(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateBridgeInput) input: UpdateBridgeInput): Promise<BridgeEntity> {
    await this.repository.findActive(id);
    return this.repository.update(id, await this.check.forUpdate(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => Bridge, { description: 'Archives a bridge: it leaves lists and route search, stays resolvable by id, and can no longer be changed.' })
  archiveBridge(@Arg('id', () => ID) id: string): Promise<BridgeEntity> {
    return this.repository.archive(id);
  }

  @FieldResolver(() => PartnerReference, { nullable: true, description: 'The partner that operates the bridge; null when none is recorded.' })
  operator(@Root() bridge: BridgeEntity): PartnerReference | null {
    return bridge.operatorPartnerId ? { id: bridge.operatorPartnerId } : null;
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @FieldResolver(() => [BridgeContract], { description: "The bridge's contracts on every chain, by label; at most `first`." })
  contracts(@Root() bridge: BridgeEntity, @Args() args: BoundedListArgs, @Ctx() { loaders }: BridgesContext): Promise<BridgeContractEntity[]> {
    return loaders.contractsByBridgeId(listBound(args)).load(bridge.id);
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @FieldResolver(() => [BridgeRoute], {
    description: "The bridge's routes (disabled ones too), fastest then cheapest; at most `first`. Search across bridges with `bridgeRoutes`.",
  })
  routes(@Root() bridge: BridgeEntity, @Args() args: BoundedListArgs, @Ctx() { loaders }: BridgesContext): Promise<BridgeRouteEntity[]> {
    return loaders.routesByBridgeId(listBound(args)).load(bridge.id);
  }

  @FieldResolver(() => [BridgeProbe], { description: `The bridge's contract probes, by label (at most ${MAX_PROBES_PER_BRIDGE}); their outcomes are in \`health\`.` })
  probes(@Root() bridge: BridgeEntity, @Ctx() { loaders }: BridgesContext): Promise<BridgeProbeEntity[]> {
    return loaders.probesByBridgeId.load(bridge.id);
  }
}
