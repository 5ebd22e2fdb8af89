import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A chain an incident affects (the chain lives in the chains subgraph). */
@Entity({ name: 'incident_chain' })
export class IncidentChainEntity {
  @PrimaryColumn('uuid', { name: 'incident_id' })
  incidentId!: string;

  @Index()
  @PrimaryColumn('uuid', { name: 'chain_id' })
  chainId!: string;
}
