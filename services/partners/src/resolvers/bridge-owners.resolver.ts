import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { BridgeReference } from '../types/bridge-reference';
import { ComponentOwnership } from '../types/component-ownership';

/** Adds `Bridge.owners` to the bridges subgraph's `Bridge`. */
@Resolver(() => BridgeReference)
export class BridgeOwnersResolver {
  @FieldResolver(() => [ComponentOwnership], {
    nullable: true,
    description:
      "Who owns each component of this bridge (at most one owner per component), from the partners' ownership matrix. Null only when the partners service cannot answer.",
  })
  owners(@Root() bridge: BridgeReference, @Ctx() { loaders }: PartnersContext): Promise<ComponentOwnershipEntity[]> {
    return loaders.ownershipsByBridgeId.load(bridge.id);
  }
}
