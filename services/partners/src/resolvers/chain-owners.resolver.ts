import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { ChainReference } from '../types/chain-reference';
import { ComponentOwnership } from '../types/component-ownership';

/** Adds `Chain.owners` to the chains subgraph's `Chain`. */
@Resolver(() => ChainReference)
export class ChainOwnersResolver {
  @FieldResolver(() => [ComponentOwnership], {
    nullable: true,
    description:
      "Who owns each component of this chain (at most one owner per component), from the partners' ownership matrix. Null only when the partners service cannot answer.",
  })
  owners(@Root() chain: ChainReference, @Ctx() { loaders }: PartnersContext): Promise<ComponentOwnershipEntity[]> {
    return loaders.ownershipsByChainId.load(chain.id);
  }
}
