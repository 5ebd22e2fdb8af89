import { RequiresAccess, requirePartnerPrivateAccess } from '@junction/federation';
import { Arg, Args, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { IncidentEntity } from '../entities/incident.entity';
import { forgetIncident } from '../loaders';
import type { IncidentAcknowledgementRepository } from '../repositories/incident-acknowledgement.repository';
import type { IncidentTimelineRepository } from '../repositories/incident-timeline.repository';
import type { IncidentRepository } from '../repositories/incident.repository';
import { Incident } from '../types/incident';
import { AcknowledgeIncidentArgs, ReopenIncidentArgs, ResolveIncidentArgs } from '../types/incident-args';
import { CreateIncidentInput, PostIncidentUpdateInput, UpdateIncidentInput } from '../types/incident-inputs';

/**
 * Opening, changing and closing incidents: operators with the incidents:write scope; affected partners acknowledge.
 * An incident the caller may not see answers NOT_FOUND, exactly like one that does not exist.
 */
@Resolver(() => Incident)
export class IncidentMutationResolver {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly timeline: IncidentTimelineRepository,
    private readonly acknowledgements: IncidentAcknowledgementRepository,
  ) {}

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Opens an incident (INVESTIGATING); refused while another open incident has its dedup key.' })
  createIncident(@Ctx() { principal }: IncidentsContext, @Arg('input', () => CreateIncidentInput) input: CreateIncidentInput): Promise<IncidentEntity> {
    return this.incidents.create(input, principal);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Changes an incident; omitted fields keep their value. Use postIncidentUpdate to change its status.' })
  async updateIncident(
    @Ctx() { principal, loaders }: IncidentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateIncidentInput) input: UpdateIncidentInput,
  ): Promise<IncidentEntity> {
    const incident = await this.incidents.update(id, input, principal);
    forgetIncident(loaders, id);
    return incident;
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Adds a timeline entry, optionally moving the incident forward in its lifecycle.' })
  async postIncidentUpdate(
    @Ctx() { principal, loaders }: IncidentsContext,
    @Arg('incidentId', () => ID) incidentId: string,
    @Arg('input', () => PostIncidentUpdateInput) input: PostIncidentUpdateInput,
  ): Promise<IncidentEntity> {
    const incident = await this.timeline.post(incidentId, input, principal);
    forgetIncident(loaders, incidentId);
    return incident;
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Resolves an open incident with a closing timeline entry.' })
  async resolveIncident(@Ctx() { principal, loaders }: IncidentsContext, @Args() { id, message, authorName }: ResolveIncidentArgs): Promise<IncidentEntity> {
    const incident = await this.timeline.resolve(id, { message, authorName }, principal);
    forgetIncident(loaders, id);
    return incident;
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Reopens a RESOLVED incident (back to INVESTIGATING), recording the reason in its timeline.' })
  async reopenIncident(@Ctx() { principal, loaders }: IncidentsContext, @Args() { id, reason, authorName }: ReopenIncidentArgs): Promise<IncidentEntity> {
    const incident = await this.timeline.reopen(id, { reason, authorName }, principal);
    forgetIncident(loaders, id);
    return incident;
  }

  @RequiresAccess({ scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Records that an affected partner has seen an open incident; once per partner.' })
  async acknowledgeIncident(@Ctx() { principal, loaders }: IncidentsContext, @Args() args: AcknowledgeIncidentArgs): Promise<IncidentEntity> {
    requirePartnerPrivateAccess(principal, args.partnerId, 'A partner key acknowledges incidents only for its own partner; pass your partner id.');
    const incident = await this.acknowledgements.acknowledge(args, principal);
    forgetIncident(loaders, args.incidentId);
    return incident;
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'incidents:write' })
  @Mutation(() => Incident, { description: 'Archives an incident: it leaves lists, frees its dedup key and can no longer be changed.' })
  async archiveIncident(@Ctx() { principal, loaders }: IncidentsContext, @Arg('id', () => ID) id: string): Promise<IncidentEntity> {
    const incident = await this.incidents.archive(id, principal);
    forgetIncident(loaders, id);
    return incident;
  }
}
