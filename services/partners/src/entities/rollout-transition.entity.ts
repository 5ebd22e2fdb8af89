import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RolloutPhase, RolloutTransitionKind } from '../types/enums';

/** One step in a rollout plan's history: its start, an advance past a phase's gates, or a rollback with a reason. */
@Entity({ name: 'rollout_transition' })
@Index(['planId', 'sequence'], { unique: true })
export class RolloutTransitionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Looked up through the unique (plan_id, sequence) index. */
  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  /** 1 for the start, then one more per transition of the plan. */
  @Column('int')
  sequence!: number;

  @Column('varchar', { length: 16 })
  kind!: RolloutTransitionKind;

  /** Null for the start. */
  @Column('varchar', { name: 'from_phase', length: 32, nullable: true })
  fromPhase!: RolloutPhase | null;

  @Column('varchar', { name: 'to_phase', length: 32 })
  toPhase!: RolloutPhase;

  /** The gates of `fromPhase` that were confirmed as passed (advances only). */
  @Column('jsonb', { name: 'confirmed_gates', default: () => "'[]'" })
  confirmedGates!: string[];

  /** Why the plan rolled back, or a note on an advance. */
  @Column('varchar', { length: 1000, nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
