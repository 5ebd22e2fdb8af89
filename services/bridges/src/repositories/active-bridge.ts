import { isUuid } from '@junction/db';
import { NotFoundError } from '@junction/errors';
import { IsNull, type EntityManager } from 'typeorm';
import { BridgeEntity } from '../entities/bridge.entity';

/**
 * Locks an active (not archived) bridge for the rest of the transaction, so writes to it and to its contracts and
 * routes run one at a time; `NOT_FOUND` ("No active bridge …") for unknown or archived ids.
 */
export async function lockActiveBridge(manager: EntityManager, id: string): Promise<BridgeEntity> {
  const bridge = isUuid(id)
    ? await manager.getRepository(BridgeEntity).findOne({ where: { id, archivedAt: IsNull() }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!bridge) throw new NotFoundError('active bridge', id);
  return bridge;
}

/** Moves a bridge's `updatedAt` to now: a change to its contracts or routes is a change to the bridge. */
export async function touchBridge(manager: EntityManager, id: string): Promise<void> {
  await manager.createQueryBuilder().update(BridgeEntity).set({ updatedAt: () => 'now()' }).where('id = :id', { id }).execute();
}
