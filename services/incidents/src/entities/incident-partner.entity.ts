import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A partner an incident affects (the partner lives in the partners subgraph). Affected partners may see the
 * incident when its visibility is PARTNERS, and may acknowledge it.
 */
@Entity({ name: 'incident_partner' })
export class IncidentPartnerEntity {
  @PrimaryColumn('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Index()
  @PrimaryColumn('uuid', { name: 'partner_id' })
  partnerId!: string;
}
