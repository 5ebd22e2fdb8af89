import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IncidentUpdateEntity } from '../entities/incident-update.entity';
import type { IncidentStatus } from '../types/enums';

/** One new timeline entry. */
export interface TimelineEntry {
  /** The incident the entry belongs to (locked by the caller's transaction). */
  incidentId: string;
  /** The incident's status after the entry. */
  status: IncidentStatus;
  /** The status before it; null for the first entry. */
  previousStatus: IncidentStatus | null;
  /** The text, trimmed before it is stored. */
  message: string;
  /** Who wrote it, trimmed before it is stored. */
  authorName: string;
  /** When it was posted. */
  at: Date;
}

/**
 * Appends an entry to an incident's timeline, after its last one. Call it inside the transaction that locked
 * the incident, so two writers never take the same position.
 */
export async function appendTimelineEntry(manager: EntityManager, entry: TimelineEntry): Promise<IncidentUpdateEntity> {
  const [{ last }] = (await manager
    .getRepository(IncidentUpdateEntity)
    .createQueryBuilder('entry')
    .select('coalesce(max(entry.sequence), 0)', 'last')
    .where('entry.incidentId = :incidentId', { incidentId: entry.incidentId })
    .getRawMany()) as Array<{ last: number }>;
  const update = manager.create(IncidentUpdateEntity, {
    id: randomUUID(),
    incidentId: entry.incidentId,
    sequence: Number(last) + 1,
    status: entry.status,
    previousStatus: entry.previousStatus,
    message: entry.message.trim(),
    authorName: entry.authorName.trim(),
    createdAt: entry.at,
  });
  await manager.insert(IncidentUpdateEntity, update);
  return update;
}
