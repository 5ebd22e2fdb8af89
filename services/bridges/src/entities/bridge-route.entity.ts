import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** numeric columns come back from pg as strings; USD figures fit a JS number comfortably. */
const numericAsNumber = {
  to: (value?: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One direction of a bridge between two chains for one token, with its published time and cost. */
@Entity({ name: 'bridge_route' })
export class BridgeRouteEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'bridge_id' })
  bridgeId!: string;

  @Index()
  @Column('uuid', { name: 'source_chain_id' })
  sourceChainId!: string;

  @Index()
  @Column('uuid', { name: 'destination_chain_id' })
  destinationChainId!: string;

  @Column('varchar', { name: 'token_symbol', length: 32 })
  tokenSymbol!: string;

  @Column('varchar', { name: 'source_token_address', length: 42, nullable: true })
  sourceTokenAddress!: string | null;

  @Column('varchar', { name: 'destination_token_address', length: 42, nullable: true })
  destinationTokenAddress!: string | null;

  @Column('int', { name: 'expected_duration_seconds' })
  expectedDurationSeconds!: number;

  @Column('numeric', { name: 'fee_usd_min', precision: 14, scale: 4, transformer: numericAsNumber })
  feeUsdMin!: number;

  @Column('numeric', { name: 'fee_usd_max', precision: 14, scale: 4, transformer: numericAsNumber })
  feeUsdMax!: number;

  @Column('numeric', { name: 'message_fee_usd_min', precision: 14, scale: 4, nullable: true, transformer: numericAsNumber })
  messageFeeUsdMin!: number | null;

  @Column('numeric', { name: 'message_fee_usd_max', precision: 14, scale: 4, nullable: true, transformer: numericAsNumber })
  messageFeeUsdMax!: number | null;

  /** Null means the bridge sets no per-transfer limit. */
  @Column('numeric', { name: 'max_transfer_usd', precision: 20, scale: 2, nullable: true, transformer: numericAsNumber })
  maxTransferUsd!: number | null;

  @Column('int', { name: 'confirmations_required' })
  confirmationsRequired!: number;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
