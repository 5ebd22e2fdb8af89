import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A bridge an incident affects (the bridge lives in the bridges subgraph). */
@Entity({ name: 'incident_bridge' })
export class IncidentBridgeEntity {
  @PrimaryColumn('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Index()
  @PrimaryColumn('uuid', { name: 'bridge_id' })
  bridgeId!: string;
}
