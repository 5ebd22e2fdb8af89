import type { IncidentDetectionSource, IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from '../types/enums';
import { HISTORICAL_INCIDENTS } from './historical-incidents';
import { liveIncidents } from './live-incidents';

/** One entry of a seed incident's timeline. */
export interface SeedTimelineEntry {
  /** When the entry was posted. */
  at: Date;
  /** The incident's status after it. */
  status: IncidentStatus;
  /** What the responders said. */
  message: string;
  /** Who said it. */
  author: string;
}

/** An affected partner's acknowledgement of a seed incident. */
export interface SeedAcknowledgement {
  /** Partner slug (partners roster). */
  partner: string;
  /** Who acknowledged, at the partner's side. */
  by: string;
  /** What they said, if anything. */
  note: string | null;
  /** When; while the incident was still open. */
  at: Date;
}

/**
 * An incident of the seed catalogue. Chains, bridges and partners are slugs of the rosters, turned into ids
 * with `seedId`. Status, identifiedAt and resolvedAt follow from the timeline.
 */
export interface SeedIncident {
  /** Stable name of the seed; its id is `seedId('incident', slug)`. */
  slug: string;
  title: string;
  summary: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  visibility: IncidentVisibility;
  dedupKey: string | null;
  /** An alert rule's key, or the name of the person who reported it. */
  detectedBy: { source: IncidentDetectionSource; ruleKey?: string; reporterName?: string };
  /** Affected chain slugs (chains roster). */
  chains: string[];
  /** Affected bridge slugs (bridges roster). */
  bridges: string[];
  /** Affected partner slugs (partners roster). */
  partners: string[];
  /** When the impact began. */
  startedAt: Date;
  /** Oldest first; the first entry is INVESTIGATING and the last gives the incident's status. */
  timeline: SeedTimelineEntry[];
  /** Affected partners' acknowledgements. */
  acknowledgements: SeedAcknowledgement[];
}

/** The seed incidents: the historical ones, then the live ones dated relative to `now`. */
export function seedCatalogue(now: Date): SeedIncident[] {
  return [...HISTORICAL_INCIDENTS, ...liveIncidents(now)];
}
