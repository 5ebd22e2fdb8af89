import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, ConflictError, NotFoundError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { RollbackProcedureRecord, RolloutPlanPhaseRecord } from '../entities/rollout-plan.entity';
import { RolloutPlanEntity } from '../entities/rollout-plan.entity';
import { RolloutTransitionEntity } from '../entities/rollout-transition.entity';
import { advanceProblems, previousPhase, ROLLOUT_PHASE_ORDER } from '../rules/rollout-phases';
import { RolloutPhase, RolloutTransitionKind } from '../types/enums';
import { lockActivePartner } from './active-partners';
import type { AuthorizePartner } from './authorize-partner';

/** A new plan, already checked by the caller (phases in order, rollback addresses checksummed, subject exists). */
export interface NewRolloutPlan {
  chainId: string | null;
  bridgeId: string | null;
  title: string;
  phases: RolloutPlanPhaseRecord[];
  rollback: RollbackProcedureRecord;
}

/** A move to the next phase. */
export interface RolloutAdvance {
  to: RolloutPhase;
  confirmedGates: string[];
  note: string | null;
}

/** Reads and writes rollout plans and their history. The only code that touches rollout_plan and rollout_transition. */
export class RolloutPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Plans by id, in the order of `ids`, null where unknown. One query. */
  async findByIds(ids: readonly string[]): Promise<Array<RolloutPlanEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(RolloutPlanEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each partner's plans, most recently started first. One query. */
  async findByPartnerIds(partnerIds: readonly string[]): Promise<RolloutPlanEntity[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource.getRepository(RolloutPlanEntity).find({ where: { partnerId: In(valid) }, order: { startedAt: 'DESC', id: 'ASC' } });
    return groupByKeys(rows, (row) => row.partnerId, partnerIds);
  }

  /** Each plan's history, oldest first. One query. */
  async findTransitionsByPlanIds(planIds: readonly string[]): Promise<RolloutTransitionEntity[][]> {
    const valid = planIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource.getRepository(RolloutTransitionEntity).find({ where: { planId: In(valid) }, order: { sequence: 'ASC' } });
    return groupByKeys(rows, (row) => row.planId, planIds);
  }

  /** Starts a plan for an active partner in its first phase, and records the start. */
  create(partnerId: string, plan: NewRolloutPlan): Promise<RolloutPlanEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActivePartner(manager, partnerId);
      const now = new Date();
      const first = ROLLOUT_PHASE_ORDER[0];
      const saved = await manager.save(
        manager.create(RolloutPlanEntity, { id: randomUUID(), partnerId, ...plan, currentPhase: first, startedAt: now, completedAt: null }),
      );
      await this.record(manager, saved.id, 1, { kind: RolloutTransitionKind.START, fromPhase: null, toPhase: first, occurredAt: now });
      return saved;
    });
  }

  /** Renames a plan or replaces its rollback procedure. */
  update(id: string, changes: { title?: string; rollback?: RollbackProcedureRecord }, authorize: AuthorizePartner): Promise<RolloutPlanEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const plan = await this.lock(manager, id);
      authorize(plan.partnerId);
      if (changes.title !== undefined) plan.title = changes.title;
      if (changes.rollback !== undefined) plan.rollback = changes.rollback;
      return manager.save(plan);
    });
  }

  /** Moves a plan to its next phase once the current phase's gates are confirmed; records the step. */
  advance(id: string, { to, confirmedGates, note }: RolloutAdvance): Promise<RolloutPlanEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const plan = await this.lock(manager, id);
      const problems = advanceProblems(plan.currentPhase, plan.phases, to, confirmedGates);
      if (problems.length > 0) throw new BadUserInputError(problems);
      const now = new Date();
      const from = plan.currentPhase;
      plan.currentPhase = to;
      if (to === RolloutPhase.FULL) plan.completedAt = now;
      const saved = await manager.save(plan);
      await this.record(manager, id, await this.nextSequence(manager, id), {
        kind: RolloutTransitionKind.ADVANCE,
        fromPhase: from,
        toPhase: to,
        confirmedGates: [...confirmedGates],
        note,
        occurredAt: now,
      });
      return saved;
    });
  }

  /** Moves a plan back one phase, recording why. */
  rollBack(id: string, reason: string): Promise<RolloutPlanEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const plan = await this.lock(manager, id);
      const to = previousPhase(plan.currentPhase);
      if (to === null) {
        throw new ConflictError(`Rollout plan "${plan.title}" is in ${plan.currentPhase}, its first phase: there is no earlier phase to roll back to.`, {
          planId: id,
        });
      }
      const now = new Date();
      const from = plan.currentPhase;
      plan.currentPhase = to;
      plan.completedAt = null;
      const saved = await manager.save(plan);
      await this.record(manager, id, await this.nextSequence(manager, id), {
        kind: RolloutTransitionKind.ROLLBACK,
        fromPhase: from,
        toPhase: to,
        note: reason,
        occurredAt: now,
      });
      return saved;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<RolloutPlanEntity> {
    const plan = isUuid(id) ? await manager.getRepository(RolloutPlanEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!plan) throw new NotFoundError('rollout plan', id);
    return plan;
  }

  private async nextSequence(manager: EntityManager, planId: string): Promise<number> {
    const last = await manager.getRepository(RolloutTransitionEntity).maximum('sequence', { planId });
    return (last ?? 0) + 1;
  }

  private async record(
    manager: EntityManager,
    planId: string,
    sequence: number,
    step: Pick<RolloutTransitionEntity, 'kind' | 'fromPhase' | 'toPhase' | 'occurredAt'> & Partial<Pick<RolloutTransitionEntity, 'confirmedGates' | 'note'>>,
  ): Promise<void> {
    await manager.insert(RolloutTransitionEntity, {
      id: randomUUID(),
      planId,
      sequence,
      confirmedGates: step.confirmedGates ?? [],
      note: step.note ?? null,
      kind: step.kind,
      fromPhase: step.fromPhase,
      toPhase: step.toPhase,
      occurredAt: step.occurredAt,
    });
  }
}
