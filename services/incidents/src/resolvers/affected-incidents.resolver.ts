import { Args, Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { IncidentEntity } from '../entities/incident.entity';
import type { AffectedTarget } from '../repositories/affected-targets';
import { BridgeReference } from '../types/bridge-reference';
import { ChainReference } from '../types/chain-reference';
import { Incident } from '../types/incident';
import { AffectedIncidentsArgs, DEFAULT_AFFECTED_INCIDENTS } from '../types/incident-args';
import { PartnerReference } from '../types/partner-reference';

/**
 * Declares `<Entity>.incidents(open, first)` on another subgraph's entity: the incidents affecting it that the
 * caller may see, newest first, bounded per parent in SQL. A batch of parents costs one query.
 */
export function affectedIncidentsResolver(Reference: ClassType<{ id: string }>, target: AffectedTarget) {
  @Resolver(() => Reference)
  class AffectedIncidentsResolver {
    @Directive('@listSize(slicingArguments: ["first"])')
    @FieldResolver(() => [Incident], {
      nullable: true,
      description: `Incidents affecting this ${target} that the caller may see, newest first. Null only when the incidents service cannot answer.`,
    })
    incidents(@Root() parent: { id: string }, @Args() { open, first }: AffectedIncidentsArgs, @Ctx() { loaders }: IncidentsContext): Promise<IncidentEntity[]> {
      return loaders.incidentsAffecting[target].load({ parentId: parent.id, open: open ?? null, first: first ?? DEFAULT_AFFECTED_INCIDENTS });
    }
  }
  return AffectedIncidentsResolver;
}

/** `Chain.incidents`. */
export const ChainIncidentsResolver = affectedIncidentsResolver(ChainReference, 'chain');
/** `Bridge.incidents`. */
export const BridgeIncidentsResolver = affectedIncidentsResolver(BridgeReference, 'bridge');
/** `Partner.incidents`. */
export const PartnerIncidentsResolver = affectedIncidentsResolver(PartnerReference, 'partner');
