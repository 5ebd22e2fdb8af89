import type { IncidentEventKind, IncidentEventMessage } from '@junction/events';

/** The JSON body of a webhook delivery. */
export interface WebhookPayload {
  /** The event's id: also the `Junction-Event-Id` and `Idempotency-Key` headers; the same on every retry. */
  id: string;
  /** What happened. */
  kind: IncidentEventKind;
  /** When it happened (ISO 8601). */
  occurredAt: string;
  /** The incident as it was after the change. */
  incident: {
    id: string;
    status: string;
    severity: string;
    visibility: string;
    chainIds: string[];
    bridgeIds: string[];
    partnerIds: string[];
  };
}

/** The body of every delivery of `event`; built from the stored event, so each retry sends the same bytes. */
export function webhookPayload(event: Pick<IncidentEventMessage, 'id' | 'kind' | 'occurredAt' | 'incidentId' | 'status' | 'severity' | 'visibility' | 'chainIds' | 'bridgeIds' | 'partnerIds'>): WebhookPayload {
  return {
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    incident: {
      id: event.incidentId,
      status: event.status,
      severity: event.severity,
      visibility: event.visibility,
      chainIds: event.chainIds,
      bridgeIds: event.bridgeIds,
      partnerIds: event.partnerIds,
    },
  };
}
