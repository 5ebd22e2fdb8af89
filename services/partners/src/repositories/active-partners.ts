import { isUuid } from '@junction/db';
import { NotFoundError, type FieldError } from '@junction/errors';
import { In, IsNull, type EntityManager } from 'typeorm';
import { PartnerEntity } from '../entities/partner.entity';

/** The active (not archived) partner with this id, locked for the rest of the transaction; NOT_FOUND otherwise. */
export async function lockActivePartner(manager: EntityManager, id: string): Promise<PartnerEntity> {
  const partner = isUuid(id)
    ? await manager.getRepository(PartnerEntity).findOne({ where: { id, archivedAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!partner) throw new NotFoundError('active partner', id);
  return partner;
}

/**
 * Checks that each `field → partner id` names an active partner, in one query, and returns a field error for
 * each that does not. Null ids are skipped.
 */
export async function activePartnerProblems(manager: EntityManager, references: Record<string, string | null | undefined>): Promise<FieldError[]> {
  const ids = [...new Set(Object.values(references).filter((id): id is string => typeof id === 'string' && isUuid(id)))];
  const found = ids.length === 0 ? [] : await manager.getRepository(PartnerEntity).find({ where: { id: In(ids), archivedAt: IsNull() }, select: { id: true } });
  const active = new Set(found.map((partner) => partner.id));
  return Object.entries(references)
    .filter(([, id]) => typeof id === 'string' && !active.has(id))
    .map(([field, id]) => ({ field, message: `no active partner has id "${id}"` }));
}
