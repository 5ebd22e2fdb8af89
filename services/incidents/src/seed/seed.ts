import { seedId } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import { IncidentUpdateEntity } from '../entities/incident-update.entity';
import { IncidentEntity } from '../entities/incident.entity';
import { AFFECTED_TARGETS, type AffectedTarget } from '../repositories/affected-targets';
import { IncidentStatus } from '../types/enums';
import { seedCatalogue, type SeedIncident } from './catalogue';

/**
 * Fills an empty incident table with the seed incidents, in one transaction (all or nothing). Ids are
 * deterministic (`seedId('incident', slug)`); chains, bridges and partners are referred to by their seed ids, so
 * no other service is asked. Returns the number of incidents written (0 when incidents already existed).
 */
export async function seedIncidents(dataSource: DataSource, now: Date = new Date()): Promise<number> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(IncidentEntity)) > 0) return 0;
    const catalogue = seedCatalogue(now);
    for (const seed of catalogue) {
      const id = seedId('incident', seed.slug);
      await manager.insert(IncidentEntity, incidentRecord(id, seed));
      for (const [target, slugs] of [['chain', seed.chains], ['bridge', seed.bridges], ['partner', seed.partners]] as Array<[AffectedTarget, string[]]>) {
        if (slugs.length === 0) continue;
        const { entity, idProperty } = AFFECTED_TARGETS[target];
        await manager.insert(entity, slugs.map((slug) => ({ incidentId: id, [idProperty]: seedId(target, slug) })));
      }
      await manager.insert(
        IncidentUpdateEntity,
        seed.timeline.map((entry, index) => ({
          id: seedId('incident-update', `${seed.slug}#${index + 1}`),
          incidentId: id,
          sequence: index + 1,
          status: entry.status,
          previousStatus: index === 0 ? null : seed.timeline[index - 1].status,
          message: entry.message,
          authorName: entry.author,
          createdAt: entry.at,
        })),
      );
      if (seed.acknowledgements.length > 0) {
        await manager.insert(
          IncidentAcknowledgementEntity,
          seed.acknowledgements.map((ack) => ({
            id: seedId('incident-acknowledgement', `${seed.slug}#${ack.partner}`),
            incidentId: id,
            partnerId: seedId('partner', ack.partner),
            acknowledgedBy: ack.by,
            note: ack.note,
            createdAt: ack.at,
          })),
        );
      }
    }
    return catalogue.length;
  });
}

/** The incident row of a seed: status and lifecycle times follow from its timeline. */
function incidentRecord(id: string, seed: SeedIncident): IncidentEntity {
  const first = seed.timeline[0];
  const last = seed.timeline[seed.timeline.length - 1];
  const identified = seed.timeline.find((entry) => entry.status !== IncidentStatus.INVESTIGATING);
  return {
    id,
    title: seed.title,
    summary: seed.summary,
    kind: seed.kind,
    severity: seed.severity,
    status: last.status,
    visibility: seed.visibility,
    runbookUrl: null,
    dedupKey: seed.dedupKey,
    detectionSource: seed.detectedBy.source,
    detectionRuleKey: seed.detectedBy.ruleKey ?? null,
    reporterName: seed.detectedBy.reporterName ?? null,
    startedAt: seed.startedAt,
    identifiedAt: identified?.at ?? null,
    resolvedAt: last.status === IncidentStatus.RESOLVED ? last.at : null,
    createdAt: first.at,
    updatedAt: last.at,
    archivedAt: null,
  };
}
