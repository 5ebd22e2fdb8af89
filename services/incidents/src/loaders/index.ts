import type { Principal } from '@junction/federation';
import DataLoader from 'dataloader';
import type { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import type { IncidentUpdateEntity } from '../entities/incident-update.entity';
import type { IncidentEntity } from '../entities/incident.entity';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import type { AffectedTargetRepository } from '../repositories/affected-target.repository';
import type { AffectedTarget } from '../repositories/affected-targets';
import type { IncidentAcknowledgementRepository } from '../repositories/incident-acknowledgement.repository';
import type { AffectedIncidentsKey, IncidentRepository } from '../repositories/incident.repository';
import type { IncidentTimelineRepository } from '../repositories/incident-timeline.repository';
import type { RecentDeliveriesKey, WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import type { WebhookEndpointRepository } from '../repositories/webhook-endpoint.repository';

/** The repositories the loaders read through. */
export interface IncidentsRepositories {
  /** Incidents: reads, create, update, archive. */
  incidents: IncidentRepository;
  /** Timelines and lifecycle changes. */
  timeline: IncidentTimelineRepository;
  /** Partners' acknowledgements. */
  acknowledgements: IncidentAcknowledgementRepository;
  /** Which chains, bridges and partners incidents affect. */
  affectedTargets: AffectedTargetRepository;
  /** Partners' webhook endpoints. */
  webhookEndpoints: WebhookEndpointRepository;
  /** Webhook deliveries, as the API reads them. */
  webhookDeliveries: WebhookDeliveryRepository;
}

/**
 * The incidents service's loaders, built per request for one principal: visibility is part of every incident
 * read, so nothing one caller may see is ever cached for another. Each batch is one SQL query.
 */
export interface IncidentsLoaders {
  /** Incidents by id, null where unknown or hidden; every `__resolveReference` and `incident(id)` goes through it. */
  incidentById: DataLoader<string, IncidentEntity | null>;
  /** Affected ids by incident id, per kind of target. */
  affectedIds: Record<AffectedTarget, DataLoader<string, string[]>>;
  /** Timelines by incident id. */
  updatesByIncidentId: DataLoader<string, IncidentUpdateEntity[]>;
  /** Acknowledgements by incident id. */
  acknowledgementsByIncidentId: DataLoader<string, IncidentAcknowledgementEntity[]>;
  /** The incidents contributed to `Chain.incidents`, `Bridge.incidents`, `Partner.incidents`, per parent and arguments. */
  incidentsAffecting: Record<AffectedTarget, DataLoader<AffectedIncidentsKey, IncidentEntity[], string>>;
  /** Each partner's webhook endpoints that the principal may see (another partner's: none). */
  webhookEndpointsByPartnerId: DataLoader<string, WebhookEndpointEntity[]>;
  /** Each endpoint's recent deliveries, per endpoint and arguments. */
  recentWebhookDeliveries: DataLoader<RecentDeliveriesKey, WebhookDeliveryEntity[], string>;
}

/** Builds a fresh set of loaders for one request by `principal`. */
export function createLoaders(repositories: IncidentsRepositories, principal: Principal): IncidentsLoaders {
  const affectedIds = (target: AffectedTarget) => new DataLoader<string, string[]>((ids) => repositories.affectedTargets.findTargetIds(target, ids));
  const incidentsAffecting = (target: AffectedTarget) =>
    new DataLoader<AffectedIncidentsKey, IncidentEntity[], string>((keys) => repositories.incidents.findAffecting(target, keys, principal), {
      cacheKeyFn: ({ parentId, open, first }) => `${parentId}|${open}|${first}`,
    });
  return {
    incidentById: new DataLoader((ids) => repositories.incidents.findVisibleByIds(ids, principal)),
    affectedIds: { chain: affectedIds('chain'), bridge: affectedIds('bridge'), partner: affectedIds('partner') },
    updatesByIncidentId: new DataLoader((ids) => repositories.timeline.findByIncidentIds(ids)),
    acknowledgementsByIncidentId: new DataLoader((ids) => repositories.acknowledgements.findByIncidentIds(ids)),
    incidentsAffecting: { chain: incidentsAffecting('chain'), bridge: incidentsAffecting('bridge'), partner: incidentsAffecting('partner') },
    webhookEndpointsByPartnerId: new DataLoader((ids) => repositories.webhookEndpoints.findByPartnerIds(ids, principal)),
    recentWebhookDeliveries: new DataLoader((keys) => repositories.webhookDeliveries.findRecent(keys), {
      cacheKeyFn: ({ endpointId, first, status }) => `${endpointId}|${first}|${status ?? ''}`,
    }),
  };
}

/**
 * Drops what the loaders remember about an incident after a mutation changed it, so fields read later in the
 * same request (a second mutation, its selection set) see the change.
 */
export function forgetIncident(loaders: IncidentsLoaders, incidentId: string): void {
  loaders.incidentById.clear(incidentId);
  loaders.updatesByIncidentId.clear(incidentId);
  loaders.acknowledgementsByIncidentId.clear(incidentId);
  for (const loader of Object.values(loaders.affectedIds)) loader.clear(incidentId);
  for (const loader of Object.values(loaders.incidentsAffecting)) loader.clearAll();
}
