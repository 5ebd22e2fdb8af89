import { INCIDENT_EVENTS_TOPIC, type EventBus, type IncidentEventMessage } from '@junction/events';
import type { ResponseCache } from './create-response-cache';

/** Parameters of {@link invalidateOnIncidentEvents}. */
export interface InvalidateOnIncidentEventsParameters {
  /** The bus the incidents service publishes its events on (Redis pub/sub, or in-process in the embedded layout). */
  events: EventBus;
  /** The gateway's response cache. */
  responseCache: Pick<ResponseCache, 'enabled' | 'invalidate'>;
}

/**
 * Keeps cached answers holding incidents current whatever changed the incident: every incident event (opened,
 * updated, resolved, acknowledged … by a person through any gateway, by an alert rule, or straight at the incidents
 * service) invalidates `Incident`, with the value types under it (updates, acknowledgements), so the next query
 * runs again. Mutations through this gateway invalidate on their own already; the events cover everything else.
 * Returns what stops listening; nothing is subscribed while the cache is off.
 */
export function invalidateOnIncidentEvents({ events, responseCache }: InvalidateOnIncidentEventsParameters): () => void {
  if (!responseCache.enabled) return () => {};
  return events.subscribe<IncidentEventMessage>(INCIDENT_EVENTS_TOPIC, () => {
    // Never throws: a store that cannot be reached is reported by the cache itself.
    void responseCache.invalidate(['Incident']);
  });
}
