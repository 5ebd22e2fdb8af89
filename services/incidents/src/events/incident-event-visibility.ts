import type { IncidentEventMessage } from '@junction/events';
import type { Principal } from '@junction/federation';
import { seesEverything, viewerPartnerId } from '../repositories/incident-viewer';
import { IncidentVisibility } from '../types/enums';
import type { IncidentEventFilter } from '../types/incident-event-filter';

/**
 * Whether `principal` may see `event`, from the visibility and affected partners the event carries (as they were
 * after the change): PUBLIC to everyone, PARTNERS to operators and affected partners, INTERNAL to operators only.
 * Fails closed: an event with any other visibility, or a partner key without a partner, sees nothing.
 */
export function incidentEventVisibleTo(event: Pick<IncidentEventMessage, 'visibility' | 'partnerIds'>, principal: Principal): boolean {
  if (seesEverything(principal)) return true;
  if (event.visibility === IncidentVisibility.PUBLIC) return true;
  const partnerId = viewerPartnerId(principal);
  return event.visibility === IncidentVisibility.PARTNERS && partnerId !== null && event.partnerIds.includes(partnerId);
}

/** Whether `event` matches every condition of `filter`. */
export function incidentEventMatches(event: IncidentEventMessage, filter: IncidentEventFilter | null | undefined): boolean {
  if (!filter) return true;
  const anyOf = (wanted: string[] | null | undefined, have: string[]) => !wanted?.length || wanted.some((id) => have.includes(id));
  return (
    anyOf(filter.kinds, [event.kind]) &&
    anyOf(filter.severities, [event.severity]) &&
    anyOf(filter.incidentIds, [event.incidentId]) &&
    anyOf(filter.chainIds, event.chainIds) &&
    anyOf(filter.bridgeIds, event.bridgeIds) &&
    anyOf(filter.partnerIds, event.partnerIds)
  );
}
