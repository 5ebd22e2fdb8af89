import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerAgreementStatus } from '../types/enums';

/** numeric columns come back from pg as strings; SLA percentages fit a JS number exactly enough (3 decimals). */
const numericAsNumber = { to: (value?: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * What a partner committed to for one chain or one bridge: confirmations, uptime, finality and how fast it
 * responds to incidents of each severity. Private to the partner and to operators.
 */
@Entity({ name: 'partner_agreement' })
export class PartnerAgreementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;

  /** The chain the agreement covers (exactly one of chainId and bridgeId is set). */
  @Index()
  @Column('uuid', { name: 'chain_id', nullable: true })
  chainId!: string | null;

  /** The bridge the agreement covers. */
  @Index()
  @Column('uuid', { name: 'bridge_id', nullable: true })
  bridgeId!: string | null;

  @Column('int', { name: 'confirmations_required' })
  confirmationsRequired!: number;

  @Column('numeric', { name: 'uptime_sla_percent', precision: 6, scale: 3, transformer: numericAsNumber })
  uptimeSlaPercent!: number;

  @Column('int', { name: 'max_finality_seconds' })
  maxFinalitySeconds!: number;

  @Column('int', { name: 'response_minutes_sev1' })
  responseMinutesSev1!: number;

  @Column('int', { name: 'response_minutes_sev2' })
  responseMinutesSev2!: number;

  @Column('int', { name: 'response_minutes_sev3' })
  responseMinutesSev3!: number;

  @Column('int', { name: 'response_minutes_sev4' })
  responseMinutesSev4!: number;

  /** First day in force, `YYYY-MM-DD`. */
  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  /** The day it stops being in force (exclusive), `YYYY-MM-DD`; null for open-ended agreements. */
  @Column('date', { name: 'effective_until', nullable: true })
  effectiveUntil!: string | null;

  /** DRAFT, ACTIVE or TERMINATED as stored; EXPIRED is derived from `effectiveUntil` when read. */
  @Index()
  @Column('varchar', { length: 16 })
  status!: PartnerAgreementStatus;

  @Column('timestamptz', { name: 'terminated_at', nullable: true })
  terminatedAt!: Date | null;

  @Column('varchar', { name: 'termination_reason', length: 1000, nullable: true })
  terminationReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
