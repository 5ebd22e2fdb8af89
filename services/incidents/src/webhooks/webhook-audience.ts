import type { IncidentEventMessage } from '@junction/events';
import { incidentEventVisibleTo } from '../events/incident-event-visibility';

/**
 * The partners whose webhook endpoints get `event`: the partners the incident affects after the change, unless
 * the incident is INTERNAL (then none).
 *
 * A PARTNERS incident may only go to its affected partners (they are the ones who may see it). A PUBLIC incident
 * could be seen by anyone, but a partner's webhook is about incidents that concern that partner: PUBLIC events of
 * incidents that do not affect the partner are not delivered to it (it can still read them, or subscribe to every
 * public event). So the audience is the affected partners who may see the event ({@link incidentEventVisibleTo}, the
 * rule subscriptions follow too), which keeps INTERNAL incidents out. A partner removed from an incident gets no event about
 * that change: after it, the incident no longer affects the partner.
 */
export function webhookAudience(event: Pick<IncidentEventMessage, 'visibility' | 'partnerIds'>): string[] {
  return event.partnerIds.filter((partnerId) => incidentEventVisibleTo(event, { role: 'PARTNER', partnerId }));
}
