import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ChainKind, ChainLifecycle, ChainStack, DataAvailabilityLayer, RiskLevel, RollupStage, SequencerModel } from '../types/enums';

/** One level of the L2BEAT-style risk rosette, with the reason for it. */
export interface RiskAssessmentRecord {
  level: RiskLevel;
  note: string;
}

/** The risk rosette as stored (jsonb). */
export interface RiskSummaryRecord {
  stateValidation: RiskAssessmentRecord;
  dataAvailability: RiskAssessmentRecord;
  exitWindow: RiskAssessmentRecord;
  sequencerFailure: RiskAssessmentRecord;
  proposerFailure: RiskAssessmentRecord;
}

/** bigint columns come back from pg as strings; chain ids fit in a JS number (checked on input). */
const bigintAsNumber = { to: (value?: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A chain in the catalogue: an L1, a rollup, a sidechain or an app-chain. */
@Entity({ name: 'chain' })
export class ChainEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  slug!: string;

  @Column('varchar', { length: 120 })
  name!: string;

  @Index({ unique: true })
  @Column('bigint', { name: 'chain_id', transformer: bigintAsNumber })
  chainId!: number;

  @Column('varchar', { length: 32 })
  kind!: ChainKind;

  @Column('varchar', { length: 32 })
  stack!: ChainStack;

  @Index()
  @Column('uuid', { name: 'settlement_chain_id', nullable: true })
  settlementChainId!: string | null;

  @Column('varchar', { name: 'da_layer', length: 32 })
  daLayer!: DataAvailabilityLayer;

  @Column('varchar', { name: 'sequencer_model', length: 32 })
  sequencerModel!: SequencerModel;

  @Column('int', { name: 'expected_block_time_ms' })
  expectedBlockTimeMs!: number;

  @Column('int', { name: 'finality_target_seconds' })
  finalityTargetSeconds!: number;

  @Column('varchar', { name: 'gas_token_symbol', length: 16 })
  gasTokenSymbol!: string;

  @Column('smallint', { name: 'gas_token_decimals', default: 18 })
  gasTokenDecimals!: number;

  @Column('varchar', { name: 'explorer_url', length: 300, nullable: true })
  explorerUrl!: string | null;

  @Column('varchar', { name: 'website_url', length: 300, nullable: true })
  websiteUrl!: string | null;

  @Column('varchar', { length: 32 })
  status!: ChainLifecycle;

  @Column('varchar', { length: 32 })
  stage!: RollupStage;

  @Column('jsonb', { nullable: true })
  risk!: RiskSummaryRecord | null;

  /** Address of the Chainlink L2 sequencer uptime feed on this chain, where one exists. */
  @Column('varchar', { name: 'sequencer_uptime_feed_address', length: 42, nullable: true })
  sequencerUptimeFeedAddress!: string | null;

  /** Head age after which the chain is DEGRADED; null derives it from the block time. */
  @Column('int', { name: 'degraded_after_seconds', nullable: true })
  degradedAfterSeconds!: number | null;

  /** Head age after which the chain is HALTED; null derives it from the block time. */
  @Column('int', { name: 'halted_after_seconds', nullable: true })
  haltedAfterSeconds!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;
}
