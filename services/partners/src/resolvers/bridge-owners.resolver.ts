import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { BridgeReference } from '../types/bridge-reference';
import { ComponentOwnership } from '../types/component-ownership';

/** Adds `Bridge.owners` to the bridges subgraph's `Bridge`. */
@Resolver(() => BridgeReference)
export class BridgeOwnersResolver {
  @FieldResolver(() => [ComponentOwnership], {
    description: "Who owns each component of this bridge (at most one owner per component), from the partners' ownership matrix.",
  })
  owners(@Root() bridge: BridgeReference, @Ctx() { loaders }: PartnersContext): Promise<ComponentOwnershipEntity[]> {
    return loaders.ownershipsByBridgeId.load(bridge.id);
  }
}
