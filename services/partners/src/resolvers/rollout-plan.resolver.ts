import { RequiresAccess } from '@junction/federation';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import type { EntityDirectory } from '@junction/federation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { PartnerEntity } from '../entities/partner.entity';
import type { RollbackProcedureRecord, RolloutPlanEntity } from '../entities/rollout-plan.entity';
import type { RolloutTransitionEntity } from '../entities/rollout-transition.entity';
import type { RolloutPlanRepository } from '../repositories/rollout-plan.repository';
import { assertPartnerPrivateAccess } from '../rules/partner-private-access';
import { explicitNullProblems } from '../rules/required-fields';
import { normalizeRollbackProcedure } from '../rules/rollback-procedure';
import { phasesProblems } from '../rules/rollout-phases';
import { subjectProblems, subjectReferenceProblems } from '../rules/subject';
import { BridgeReference } from '../types/bridge-reference';
import { ChainReference } from '../types/chain-reference';
import { Partner } from '../types/partner';
import { RolloutPlan, RolloutTransition } from '../types/rollout-plan';
import {
  AdvanceRolloutPlanInput,
  CreateRolloutPlanInput,
  RollBackRolloutPlanInput,
  UpdateRolloutPlanInput,
} from '../types/rollout-plan-inputs';
import { RolloutRollbackProcedure } from '../types/rollout-rollback';

const MANAGE_ROLLBACK = "write a rollout plan's rollback procedure";

/** Staged rollouts with partners: public coordination plans whose rollback procedure is private. */
@Resolver(() => RolloutPlan)
export class RolloutPlanResolver {
  constructor(
    private readonly plans: RolloutPlanRepository,
    private readonly directory: EntityDirectory,
  ) {}

  @Query(() => RolloutPlan, { nullable: true, description: 'One rollout plan by id; null when none matches.' })
  rolloutPlan(@Ctx() { loaders }: PartnersContext, @Arg('id', () => ID) id: string): Promise<RolloutPlanEntity | null> {
    return loaders.rolloutPlanById.load(id);
  }

  @RequiresAccess()
  @Mutation(() => RolloutPlan, {
    description:
      'Starts a rollout plan for a partner in INTERNAL_TESTNET. It carries a private rollback procedure, so operators and the partner itself only.',
  })
  async createRolloutPlan(
    @Ctx() { principal }: PartnersContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input', () => CreateRolloutPlanInput) input: CreateRolloutPlanInput,
  ): Promise<RolloutPlanEntity> {
    assertPartnerPrivateAccess(principal, partnerId, MANAGE_ROLLBACK);
    const rollback = normalizeRollbackProcedure(input.rollback);
    const problems = [
      ...subjectProblems(input, 'a rollout plan targets exactly one chain or one bridge'),
      ...phasesProblems(input.phases),
      ...rollback.problems,
    ];
    if (problems.length === 0) problems.push(...(await subjectReferenceProblems(this.directory, input)));
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.plans.create(partnerId, {
      chainId: input.chainId ?? null,
      bridgeId: input.bridgeId ?? null,
      title: input.title,
      phases: input.phases.map(({ phase, capacityPercent, gates }) => ({ phase, capacityPercent, gates: [...gates] })),
      rollback: rollback.record,
    });
  }

  @RequiresAccess()
  @Mutation(() => RolloutPlan, {
    description: "Renames a plan or replaces its rollback procedure (e.g. after a signer rotation). Operators and the partner itself only.",
  })
  updateRolloutPlan(
    @Ctx() { principal }: PartnersContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRolloutPlanInput) input: UpdateRolloutPlanInput,
  ): Promise<RolloutPlanEntity> {
    const problems = explicitNullProblems(input, ['title', 'rollback']);
    let rollback: RollbackProcedureRecord | undefined;
    if (input.rollback) {
      const normalized = normalizeRollbackProcedure(input.rollback);
      problems.push(...normalized.problems);
      rollback = normalized.record;
    }
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.plans.update(id, { title: input.title, rollback }, (partnerId) => assertPartnerPrivateAccess(principal, partnerId, MANAGE_ROLLBACK));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => RolloutPlan, {
    description:
      'Advances a plan to its next phase, confirming every gate of the phase it leaves. Phases cannot be skipped: ' +
      'INTERNAL_TESTNET → PARTNER_STAGING → CANARY → FULL.',
  })
  advanceRolloutPlan(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AdvanceRolloutPlanInput) input: AdvanceRolloutPlanInput,
  ): Promise<RolloutPlanEntity> {
    return this.plans.advance(id, { to: input.to, confirmedGates: input.confirmedGates, note: input.note ?? null });
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => RolloutPlan, { description: 'Rolls a plan back to its previous phase, recording why.' })
  rollBackRolloutPlan(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RollBackRolloutPlanInput) input: RollBackRolloutPlanInput,
  ): Promise<RolloutPlanEntity> {
    return this.plans.rollBack(id, input.reason);
  }

  @FieldResolver(() => Partner)
  async partner(@Root() plan: RolloutPlanEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity> {
    const partner = await loaders.partnerById.load(plan.partnerId);
    if (!partner) throw new NotFoundError('partner', plan.partnerId);
    return partner;
  }

  @FieldResolver(() => ChainReference, { nullable: true, description: 'The chain rolled out to; null for a bridge rollout.' })
  chain(@Root() plan: RolloutPlanEntity): ChainReference | null {
    return plan.chainId ? { id: plan.chainId } : null;
  }

  @FieldResolver(() => BridgeReference, { nullable: true, description: 'The bridge rolled out to; null for a chain rollout.' })
  bridge(@Root() plan: RolloutPlanEntity): BridgeReference | null {
    return plan.bridgeId ? { id: plan.bridgeId } : null;
  }

  @FieldResolver(() => Int, { description: 'Capacity open in the current phase, in percent.' })
  currentCapacityPercent(@Root() plan: RolloutPlanEntity): number {
    return plan.phases.find((step) => step.phase === plan.currentPhase)?.capacityPercent ?? 0;
  }

  @FieldResolver(() => RolloutRollbackProcedure, {
    nullable: true,
    description: 'How to undo a phase. Private: others get null and a FORBIDDEN error.',
  })
  rollback(@Root() plan: RolloutPlanEntity, @Ctx() { principal }: PartnersContext): RollbackProcedureRecord {
    assertPartnerPrivateAccess(principal, plan.partnerId, "see a rollout plan's rollback procedure");
    return plan.rollback;
  }

  @FieldResolver(() => [RolloutTransition], { description: 'Every start, advance and rollback, oldest first.' })
  history(@Root() plan: RolloutPlanEntity, @Ctx() { loaders }: PartnersContext): Promise<RolloutTransitionEntity[]> {
    return loaders.rolloutTransitionsByPlanId.load(plan.id);
  }
}
