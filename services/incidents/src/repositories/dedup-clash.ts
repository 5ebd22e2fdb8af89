import type { Principal } from '@junction/federation';
import type { EntityManager } from 'typeorm';
import { IncidentEntity } from '../entities/incident.entity';
import { IncidentStatus } from '../types/enums';
import { whereVisibleTo } from './incident-visibility';

/** Another open incident that holds a dedup key. */
export interface DedupClash {
  /** The incident holding the key. */
  incident: IncidentEntity;
  /** Whether the caller may see it (only then is it named in messages). */
  visible: boolean;
}

/**
 * The open (not resolved, not archived) incident other than `exceptId` that holds `dedupKey`, or null. At most
 * one exists: the partial unique index `incident_open_dedup_key` guarantees it.
 */
export async function findDedupClash(
  manager: EntityManager,
  { dedupKey, principal, exceptId }: { dedupKey: string; principal: Principal; exceptId?: string },
): Promise<DedupClash | null> {
  const open = () => {
    const query = manager
      .getRepository(IncidentEntity)
      .createQueryBuilder('incident')
      .where('incident.dedupKey = :dedupKey', { dedupKey })
      .andWhere('incident.status <> :resolved', { resolved: IncidentStatus.RESOLVED })
      .andWhere('incident.archivedAt IS NULL');
    if (exceptId) query.andWhere('incident.id <> :exceptId', { exceptId });
    return query;
  };
  const incident = await open().getOne();
  if (!incident) return null;
  const visible = (await whereVisibleTo(open(), principal, 'incident').getCount()) > 0;
  return { incident, visible };
}

/** How a clash reads to the caller: the holder is named only when the caller may see it. */
export function describeDedupClash(dedupKey: string, { incident, visible }: DedupClash): string {
  const holder = visible ? `open incident "${incident.id}" (${incident.title})` : 'another open incident';
  return `"${dedupKey}" is already the dedup key of ${holder}; post an update to it instead of opening another`;
}
