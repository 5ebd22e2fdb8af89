import { isUuid } from '@junction/db';
import { NotFoundError } from '@junction/errors';
import type { Principal } from '@junction/federation';
import type { EntityManager } from 'typeorm';
import { IncidentEntity } from '../entities/incident.entity';
import { whereVisibleTo } from './incident-visibility';

/**
 * Locks (FOR UPDATE) the active incident `id` inside a transaction. An unknown, archived or hidden incident is
 * NOT_FOUND with the same sentence, so a refused change never reveals that a hidden incident exists.
 */
export async function lockVisibleIncident(manager: EntityManager, id: string, principal: Principal): Promise<IncidentEntity> {
  const query = manager
    .getRepository(IncidentEntity)
    .createQueryBuilder('incident')
    .where('incident.id = :id', { id })
    .andWhere('incident.archivedAt IS NULL')
    .setLock('pessimistic_write');
  const incident = isUuid(id) ? await whereVisibleTo(query, principal, 'incident').getOne() : null;
  if (!incident) throw new NotFoundError('active incident', id);
  return incident;
}
