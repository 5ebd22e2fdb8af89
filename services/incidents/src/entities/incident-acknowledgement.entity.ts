import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An affected partner's acknowledgement of an incident: at most one per partner and incident. */
@Entity({ name: 'incident_acknowledgement' })
@Index(['incidentId', 'partnerId'], { unique: true })
export class IncidentAcknowledgementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Index()
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;

  @Column('varchar', { name: 'acknowledged_by', length: 120 })
  acknowledgedBy!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
