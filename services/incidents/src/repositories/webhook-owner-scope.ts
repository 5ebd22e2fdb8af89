import type { Principal } from '@junction/federation';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { seesEverything, viewerPartnerId } from './incident-viewer';

/**
 * Restricts `query` (whose webhook endpoint alias is `alias`) to the endpoints `principal` may see and manage:
 * every endpoint for operators and admins, its own partner's for a partner key, none for anyone else. Applied in
 * SQL, so another partner's endpoint is never read, and is NOT_FOUND exactly like one that does not exist.
 */
export function whereOwnedBy<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, principal: Principal, alias: string): SelectQueryBuilder<T> {
  if (seesEverything(principal)) return query;
  const partnerId = viewerPartnerId(principal);
  if (partnerId === null) return query.andWhere('1 = 0');
  return query.andWhere(`${alias}.partnerId = :ownerPartnerId`, { ownerPartnerId: partnerId });
}
