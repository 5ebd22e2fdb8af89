import type { IncidentEventKind } from '@junction/events';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Reads PostgreSQL bigint (a string in `pg`) as a number; sequences stay far below 2^53. */
const bigintAsNumber = { from: (value: string | number | null) => (value === null ? null : Number(value)), to: (value: unknown) => value };

/**
 * One recorded change to an incident, written in the transaction that made the change: the durable log that
 * subscriptions are published from and that webhook deliveries are made from. It keeps the incident's visibility
 * and affected ids as they were after the change.
 */
@Entity({ name: 'incident_event' })
@Index(['incidentId', 'sequence'])
export class IncidentEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Increasing in the order events were recorded (gaps possible); the database assigns it. */
  @Column({ type: 'bigint', transformer: bigintAsNumber, insert: false, update: false })
  sequence!: number;

  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Column('varchar', { length: 16 })
  kind!: IncidentEventKind;

  @Column('varchar', { length: 16 })
  visibility!: string;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('varchar', { length: 8 })
  severity!: string;

  @Column('uuid', { name: 'chain_ids', array: true })
  chainIds!: string[];

  @Column('uuid', { name: 'bridge_ids', array: true })
  bridgeIds!: string[];

  @Column('uuid', { name: 'partner_ids', array: true })
  partnerIds!: string[];

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
