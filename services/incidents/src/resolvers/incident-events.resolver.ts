import { NotFoundError } from '@junction/errors';
import { INCIDENT_EVENTS_TOPIC, type IncidentEventMessage } from '@junction/events';
import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { IncidentsContext } from '../context';
import { incidentEventMatches, incidentEventVisibleTo } from '../events/incident-event-visibility';
import { forgetIncident } from '../loaders';
import type { IncidentEventKind } from '../types/enums';
import { IncidentEvent } from '../types/incident-event';
import { IncidentEventFilter } from '../types/incident-event-filter';

/**
 * `Subscription.incidentEvents`: the changes to incidents the caller may see, as they commit. Each event is
 * checked twice against the subscriber's principal: by the visibility it carries, then by reading the incident
 * through the caller's visibility (an event whose incident the caller cannot read is skipped).
 */
@Resolver(() => IncidentEvent)
export class IncidentEventsResolver {
  @Subscription(() => IncidentEvent, {
    topics: INCIDENT_EVENTS_TOPIC,
    filter: async ({ payload, args, context }: { payload: IncidentEventMessage; args: { filter?: IncidentEventFilter | null }; context: IncidentsContext }) => {
      if (!incidentEventVisibleTo(payload, context.principal) || !incidentEventMatches(payload, args.filter)) return false;
      // One context serves the whole subscription: forget what earlier events read of this incident (its row,
      // timeline, acknowledgements, affected targets) so this event is read afresh; the resolver reuses this read.
      forgetIncident(context.loaders, payload.incidentId);
      return (await context.loaders.incidentById.load(payload.incidentId)) !== null;
    },
    description: 'Changes to the incidents the caller may see, as they happen: PUBLIC ones for everyone, PARTNERS ones for affected partners, all for operators.',
  })
  async incidentEvents(
    @Root() event: IncidentEventMessage,
    @Ctx() { loaders }: IncidentsContext,
    @Arg('filter', () => IncidentEventFilter, { nullable: true }) _filter?: IncidentEventFilter,
  ): Promise<IncidentEvent> {
    const incident = await loaders.incidentById.load(event.incidentId);
    if (!incident) throw new NotFoundError('incident', event.incidentId);
    return { id: event.id, sequence: event.sequence, kind: event.kind as IncidentEventKind, occurredAt: new Date(event.occurredAt), incident };
  }
}
