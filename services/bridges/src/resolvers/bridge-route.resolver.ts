import { RequiresAccess } from '@junction/federation';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import type { Page } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeRouteEntity } from '../entities/bridge-route.entity';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeRouteRepository } from '../repositories/bridge-route.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import { Bridge } from '../types/bridge';
import { BridgeRoute, BridgeRouteConnection } from '../types/bridge-route';
import { BridgeRouteInput, UpdateBridgeRouteInput } from '../types/bridge-route-inputs';
import { BridgeRouteSearchArgs } from '../types/bridge-route-search-args';
import { ChainReference } from '../types/chain-reference';
import type { BridgeInputCheck } from '../validation/bridge-input-check';

/** Route search across bridges, and bridges' routes. */
@Resolver(() => BridgeRoute)
export class BridgeRouteResolver {
  constructor(
    private readonly bridges: BridgeRepository,
    private readonly routes: BridgeRouteRepository,
    private readonly check: BridgeInputCheck,
  ) {}

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => BridgeRouteConnection, {
    description:
      'Routes from one chain to another across all bridges, fastest first, then cheapest. Leaves out disabled routes, routes of archived or paused bridges, and routes whose maxTransferUsd is below amountUsd.',
  })
  bridgeRoutes(@Args() search: BridgeRouteSearchArgs): Promise<Page<BridgeRouteEntity>> {
    if (search.sourceChainId === search.destinationChainId) {
      throw new BadUserInputError([{ field: 'destinationChainId', message: 'must differ from sourceChainId' }]);
    }
    return this.routes.search(search);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeRoute, { description: 'Adds a route to an active bridge.' })
  async addBridgeRoute(@Arg('bridgeId', () => ID) bridgeId: string, @Arg('input', () => BridgeRouteInput) input: BridgeRouteInput): Promise<BridgeRouteEntity> {
    await this.bridges.findActive(bridgeId);
    return this.routes.add(bridgeId, await this.check.forRoute(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeRoute, { description: "Changes a route of an active bridge; omitted fields keep their value." })
  updateBridgeRoute(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateBridgeRouteInput) input: UpdateBridgeRouteInput): Promise<BridgeRouteEntity> {
    return this.routes.update(id, this.check.forRouteChanges(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeRoute, { description: 'Removes a route from an active bridge; returns what was removed.' })
  removeBridgeRoute(@Arg('id', () => ID) id: string): Promise<BridgeRouteEntity> {
    return this.routes.remove(id);
  }

  @FieldResolver(() => Bridge)
  async bridge(@Root() route: BridgeRouteEntity, @Ctx() { loaders }: BridgesContext): Promise<BridgeEntity> {
    const bridge = await loaders.bridgeById.load(route.bridgeId);
    if (!bridge) throw new NotFoundError('bridge', route.bridgeId);
    return bridge;
  }

  @FieldResolver(() => ChainReference, { description: 'Where the funds leave from.' })
  source(@Root() route: BridgeRouteEntity): ChainReference {
    return { id: route.sourceChainId };
  }

  @FieldResolver(() => ChainReference, { description: 'Where the funds arrive.' })
  destination(@Root() route: BridgeRouteEntity): ChainReference {
    return { id: route.destinationChainId };
  }
}
