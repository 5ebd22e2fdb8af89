import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RolloutPhase } from '../types/enums';

/** One phase of a plan as stored (jsonb). */
export interface RolloutPlanPhaseRecord {
  phase: RolloutPhase;
  capacityPercent: number;
  gates: string[];
}

/** A contract to pause when rolling back. */
export interface PausableContractRecord {
  label: string;
  address: string;
}

/** A signer of the rollback multisig. */
export interface MultisigSignerRecord {
  name: string;
  address: string;
}

/** The multisig that signs pauses and rollbacks. */
export interface RollbackMultisigRecord {
  address: string;
  threshold: number;
  signers: MultisigSignerRecord[];
}

/** The rollback procedure as stored (jsonb). Private to the partner and to operators. */
export interface RollbackProcedureRecord {
  pauseProcedure: string;
  pausableContracts: PausableContractRecord[];
  multisig: RollbackMultisigRecord | null;
  stateRecoveryScripts: string[];
  communicationPlan: string;
}

/** A staged rollout a partner and the ecosystem team move through together, one phase at a time. */
@Entity({ name: 'rollout_plan' })
export class RolloutPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;

  /** The chain being rolled out to (exactly one of chainId and bridgeId is set). */
  @Index()
  @Column('uuid', { name: 'chain_id', nullable: true })
  chainId!: string | null;

  /** The bridge being rolled out to. */
  @Index()
  @Column('uuid', { name: 'bridge_id', nullable: true })
  bridgeId!: string | null;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('varchar', { name: 'current_phase', length: 32 })
  currentPhase!: RolloutPhase;

  /** Every phase in order, with its capacity and gates. */
  @Column('jsonb')
  phases!: RolloutPlanPhaseRecord[];

  @Column('jsonb')
  rollback!: RollbackProcedureRecord;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  /** When the plan reached FULL; cleared when it rolls back from FULL. */
  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
