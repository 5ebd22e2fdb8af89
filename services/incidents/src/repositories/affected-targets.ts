import type { EntityManager, ObjectLiteral } from 'typeorm';
import { IncidentBridgeEntity } from '../entities/incident-bridge.entity';
import { IncidentChainEntity } from '../entities/incident-chain.entity';
import { IncidentPartnerEntity } from '../entities/incident-partner.entity';

/** What an incident can affect: each kind has its own link table. */
export type AffectedTarget = 'chain' | 'bridge' | 'partner';

/** A link table, its target id property and column, and the federation type name of its target. */
export interface AffectedTargetTable {
  /** The link entity: `incidentId` plus the target id property. */
  entity: new () => ObjectLiteral;
  /** The target id property of the link entity. */
  idProperty: 'chainId' | 'bridgeId' | 'partnerId';
  /** The target id column of the link table. */
  idColumn: 'chain_id' | 'bridge_id' | 'partner_id';
  /** The federation type of the target, as its owner names it. */
  typename: 'Chain' | 'Bridge' | 'Partner';
}

/** The link table of each kind of target. */
export const AFFECTED_TARGETS: Record<AffectedTarget, AffectedTargetTable> = {
  chain: { entity: IncidentChainEntity, idProperty: 'chainId', idColumn: 'chain_id', typename: 'Chain' },
  bridge: { entity: IncidentBridgeEntity, idProperty: 'bridgeId', idColumn: 'bridge_id', typename: 'Bridge' },
  partner: { entity: IncidentPartnerEntity, idProperty: 'partnerId', idColumn: 'partner_id', typename: 'Partner' },
};

/** The ids of the `target`s one incident affects, read through `manager` (inside the caller's transaction). */
export async function linkedIds(manager: EntityManager, target: AffectedTarget, incidentId: string): Promise<string[]> {
  const { entity, idProperty } = AFFECTED_TARGETS[target];
  const rows = await manager.getRepository(entity).findBy({ incidentId });
  return rows.map((row) => row[idProperty] as string);
}
