import { MAX_PAGE_SIZE } from '@junction/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeEntity } from '../entities/bridge.entity';
import { Bridge } from '../types/bridge';
import { PartnerReference } from '../types/partner-reference';

/** Adds `Partner.bridges` to the partners subgraph's `Partner`. */
@Resolver(() => PartnerReference)
export class PartnerBridgesResolver {
  @FieldResolver(() => [Bridge], {
    nullable: true,
    description: `Active bridges this partner operates, by name (at most ${MAX_PAGE_SIZE}). Null only when the bridges service cannot answer.`,
  })
  bridges(@Root() partner: PartnerReference, @Ctx() { loaders }: BridgesContext): Promise<BridgeEntity[]> {
    return loaders.bridgesByOperatorId.load(partner.id);
  }
}
