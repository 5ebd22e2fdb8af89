import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One health observation of a bridge, kept for the metric series notebooks read. */
@Entity({ name: 'bridge_health_sample' })
export class BridgeHealthSampleEntity {
  @PrimaryColumn('uuid', { name: 'bridge_id' })
  bridgeId!: string;

  @PrimaryColumn('timestamptz', { name: 'observed_at' })
  observedAt!: Date;

  @Column('varchar', { length: 16 })
  status!: string;

  @Column('smallint', { name: 'paused_contracts' })
  pausedContracts!: number;

  @Column('smallint', { name: 'readable_contracts' })
  readableContracts!: number;

  @Column('smallint', { name: 'contract_count' })
  contractCount!: number;

  @Column('smallint', { name: 'failing_probes' })
  failingProbes!: number;

  /** Sum of the ERC-20 balances read, each in whole token units (not price-weighted); null when none was read. */
  @Column('double precision', { name: 'escrow_value', nullable: true })
  escrowValue!: number | null;

  /** Sum of the native balances read, in ETH; null when none was read. */
  @Column('double precision', { name: 'native_balance', nullable: true })
  nativeBalance!: number | null;
}
