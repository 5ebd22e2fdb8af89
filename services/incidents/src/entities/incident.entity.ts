import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { IncidentDetectionSource, IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from '../types/enums';

/**
 * An incident: something that hit one or more chains or bridges. Affected chains, bridges and partners live in
 * their own link tables; the timeline in `incident_update`; acknowledgements in `incident_acknowledgement`.
 */
@Entity({ name: 'incident' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('text')
  summary!: string;

  @Index()
  @Column('varchar', { length: 32 })
  kind!: IncidentKind;

  @Index()
  @Column('varchar', { length: 8 })
  severity!: IncidentSeverity;

  @Index()
  @Column('varchar', { length: 16 })
  status!: IncidentStatus;

  @Index()
  @Column('varchar', { length: 16 })
  visibility!: IncidentVisibility;

  @Column('varchar', { name: 'runbook_url', length: 500, nullable: true })
  runbookUrl!: string | null;

  /** Unique among incidents that are neither resolved nor archived (a partial unique index). */
  @Column('varchar', { name: 'dedup_key', length: 255, nullable: true })
  dedupKey!: string | null;

  @Column('varchar', { name: 'detection_source', length: 16 })
  detectionSource!: IncidentDetectionSource;

  @Column('varchar', { name: 'detection_rule_key', length: 100, nullable: true })
  detectionRuleKey!: string | null;

  @Column('varchar', { name: 'reporter_name', length: 120, nullable: true })
  reporterName!: string | null;

  @Index()
  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'identified_at', nullable: true })
  identifiedAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;
}
