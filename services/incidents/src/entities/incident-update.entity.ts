import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IncidentStatus } from '../types/enums';

/** One entry of an incident's timeline. Every status change writes one; so does every message. */
@Entity({ name: 'incident_update' })
@Index(['incidentId', 'sequence'], { unique: true })
export class IncidentUpdateEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  /** Position in the incident's timeline, from 1. */
  @Column('int')
  sequence!: number;

  /** The incident's status after this update. */
  @Column('varchar', { length: 16 })
  status!: IncidentStatus;

  /** The status before this update; null for the first entry. */
  @Column('varchar', { name: 'previous_status', length: 16, nullable: true })
  previousStatus!: IncidentStatus | null;

  @Column('text')
  message!: string;

  @Column('varchar', { name: 'author_name', length: 120 })
  authorName!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
