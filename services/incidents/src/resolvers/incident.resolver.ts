import { PageArgs, type Page } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import type { IncidentUpdateEntity } from '../entities/incident-update.entity';
import type { IncidentEntity } from '../entities/incident.entity';
import type { IncidentRepository } from '../repositories/incident.repository';
import { BridgeReference } from '../types/bridge-reference';
import { ChainReference } from '../types/chain-reference';
import { IncidentStatus } from '../types/enums';
import { Incident, IncidentConnection } from '../types/incident';
import { IncidentAcknowledgement } from '../types/incident-acknowledgement';
import { IncidentDetection } from '../types/incident-detection';
import { IncidentFilter } from '../types/incident-filter';
import { IncidentUpdate } from '../types/incident-update';
import { PartnerReference } from '../types/partner-reference';

/** Incident queries and the fields of `Incident` that are not columns. */
@Resolver(() => Incident)
export class IncidentResolver {
  constructor(private readonly repository: IncidentRepository) {}

  @Query(() => Incident, { nullable: true, description: 'One incident by id; null when none exists or the caller may not see it.' })
  incident(@Ctx() { loaders }: IncidentsContext, @Arg('id', () => ID) id: string): Promise<IncidentEntity | null> {
    return loaders.incidentById.load(id);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => IncidentConnection, { description: 'The incidents the caller may see, newest (by startedAt) first, filtered and paginated.' })
  incidents(
    @Ctx() { principal }: IncidentsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => IncidentFilter, { nullable: true }) filter?: IncidentFilter,
  ): Promise<Page<IncidentEntity>> {
    return this.repository.findPage(filter ?? new IncidentFilter(), first, after, principal);
  }

  @FieldResolver(() => IncidentDetection)
  detectedBy(@Root() incident: IncidentEntity): IncidentDetection {
    return { source: incident.detectionSource, ruleKey: incident.detectionRuleKey, reporterName: incident.reporterName };
  }

  @FieldResolver(() => Boolean, { description: 'True until the incident is resolved.' })
  isOpen(@Root() incident: IncidentEntity): boolean {
    return incident.status !== IncidentStatus.RESOLVED;
  }

  @FieldResolver(() => Int, { description: 'Seconds from startedAt to resolvedAt, or to now while the incident is open.' })
  durationSeconds(@Root() incident: IncidentEntity): number {
    const end = incident.resolvedAt ?? new Date();
    return Math.max(0, Math.floor((end.getTime() - incident.startedAt.getTime()) / 1000));
  }

  @FieldResolver(() => [ChainReference], { description: 'The chains the incident affects.' })
  async chains(@Root() incident: IncidentEntity, @Ctx() { loaders }: IncidentsContext): Promise<ChainReference[]> {
    return (await loaders.affectedIds.chain.load(incident.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [BridgeReference], { description: 'The bridges the incident affects.' })
  async bridges(@Root() incident: IncidentEntity, @Ctx() { loaders }: IncidentsContext): Promise<BridgeReference[]> {
    return (await loaders.affectedIds.bridge.load(incident.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [PartnerReference], { description: 'The partners the incident affects; they may acknowledge it.' })
  async partners(@Root() incident: IncidentEntity, @Ctx() { loaders }: IncidentsContext): Promise<PartnerReference[]> {
    return (await loaders.affectedIds.partner.load(incident.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [IncidentUpdate], { description: 'The timeline, oldest entry first.' })
  updates(@Root() incident: IncidentEntity, @Ctx() { loaders }: IncidentsContext): Promise<IncidentUpdateEntity[]> {
    return loaders.updatesByIncidentId.load(incident.id);
  }

  @FieldResolver(() => [IncidentAcknowledgement], { description: 'Acknowledgements by affected partners, oldest first.' })
  acknowledgements(@Root() incident: IncidentEntity, @Ctx() { loaders }: IncidentsContext): Promise<IncidentAcknowledgementEntity[]> {
    return loaders.acknowledgementsByIncidentId.load(incident.id);
  }
}
