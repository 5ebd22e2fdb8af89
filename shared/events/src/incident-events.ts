/** The topic incident events are published on. */
export const INCIDENT_EVENTS_TOPIC = 'incident-events';

/** What happened to an incident. */
export type IncidentEventKind = 'OPENED' | 'UPDATED' | 'UPDATE_POSTED' | 'RESOLVED' | 'REOPENED' | 'ACKNOWLEDGED' | 'ARCHIVED';

/** Every incident event kind, in lifecycle order. */
export const INCIDENT_EVENT_KINDS: readonly IncidentEventKind[] = ['OPENED', 'UPDATED', 'UPDATE_POSTED', 'RESOLVED', 'REOPENED', 'ACKNOWLEDGED', 'ARCHIVED'];

/**
 * One change to an incident, as the incidents service recorded it (in the same transaction as the change) and
 * published it after the commit. It carries the incident's visibility and affected partners as they were after
 * the change, so a receiver can decide who may see it without reading the incident again: PUBLIC to everyone,
 * PARTNERS to operators and the affected partners, INTERNAL to operators only.
 */
export interface IncidentEventMessage {
  /** The event's id; also the idempotency key of its webhook deliveries. */
  id: string;
  /** Position in the order events were recorded (increasing, gaps possible). */
  sequence: number;
  /** What happened. */
  kind: IncidentEventKind;
  /** The incident. */
  incidentId: string;
  /** When it happened (ISO 8601). */
  occurredAt: string;
  /** The incident's visibility after the change: PUBLIC, PARTNERS or INTERNAL. */
  visibility: string;
  /** The incident's status after the change. */
  status: string;
  /** The incident's severity after the change (SEV1 … SEV4). */
  severity: string;
  /** The chains it affects after the change. */
  chainIds: string[];
  /** The bridges it affects after the change. */
  bridgeIds: string[];
  /** The partners it affects after the change. */
  partnerIds: string[];
}
