import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One health observation of a chain, kept for the metric series notebooks read. */
@Entity({ name: 'chain_health_sample' })
export class ChainHealthSampleEntity {
  @PrimaryColumn('uuid', { name: 'chain_id' })
  chainId!: string;

  @PrimaryColumn('timestamptz', { name: 'observed_at' })
  observedAt!: Date;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('bigint', { name: 'head_number', nullable: true, transformer: { to: (v?: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  headNumber!: number | null;

  @Column('double precision', { name: 'head_age_seconds', nullable: true })
  headAgeSeconds!: number | null;

  @Column('int', { name: 'safe_lag_blocks', nullable: true })
  safeLagBlocks!: number | null;

  @Column('int', { name: 'finalized_lag_blocks', nullable: true })
  finalizedLagBlocks!: number | null;

  @Column('double precision', { name: 'finalized_lag_seconds', nullable: true })
  finalizedLagSeconds!: number | null;

  @Column('double precision', { name: 'gas_price_gwei', nullable: true })
  gasPriceGwei!: number | null;

  @Column('double precision', { name: 'base_fee_gwei', nullable: true })
  baseFeeGwei!: number | null;

  @Column('double precision', { name: 'rpc_latency_ms', nullable: true })
  rpcLatencyMs!: number | null;

  @Column('smallint', { name: 'reachable_endpoints' })
  reachableEndpoints!: number;

  @Column('smallint', { name: 'endpoint_count' })
  endpointCount!: number;
}
