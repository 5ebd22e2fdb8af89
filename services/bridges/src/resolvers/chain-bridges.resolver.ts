import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeEntity } from '../entities/bridge.entity';
import { BoundedListArgs, listBound } from '../types/bounded-list-args';
import { Bridge } from '../types/bridge';
import { ChainReference } from '../types/chain-reference';

/** Adds `Chain.bridges` to the chains subgraph's `Chain`. */
@Resolver(() => ChainReference)
export class ChainBridgesResolver {
  @Directive('@listSize(slicingArguments: ["first"])')
  @FieldResolver(() => [Bridge], {
    nullable: true,
    description: 'Active bridges with a route from or to this chain or a contract on it, by name; at most `first`. Null only when the bridges service cannot answer.',
  })
  bridges(@Root() chain: ChainReference, @Args() args: BoundedListArgs, @Ctx() { loaders }: BridgesContext): Promise<BridgeEntity[]> {
    return loaders.bridgesByChainId(listBound(args)).load(chain.id);
  }
}
