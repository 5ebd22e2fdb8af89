import { isUuid } from '@junction/db';
import { NotFoundError } from '@junction/errors';
import { IsNull, type EntityManager } from 'typeorm';
import { ChainEntity } from '../entities/chain.entity';

/**
 * Locks an active (not archived) chain for the rest of the transaction, so writes to it and to its probes run one
 * at a time; `NOT_FOUND` ("No active chain …") for unknown or archived ids.
 */
export async function lockActiveChain(manager: EntityManager, id: string): Promise<ChainEntity> {
  const chain = isUuid(id)
    ? await manager.getRepository(ChainEntity).findOne({ where: { id, archivedAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!chain) throw new NotFoundError('active chain', id);
  return chain;
}
