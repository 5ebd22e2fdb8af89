import type { PartnersContext } from '../context';
import type { RolloutPlanEntity } from '../entities/rollout-plan.entity';

/** Resolves `RolloutPlan` references from other subgraphs, batched (its rollback procedure stays private). */
export function resolveRolloutPlanReference(reference: { id: string }, { loaders }: PartnersContext): Promise<RolloutPlanEntity | null> {
  return loaders.rolloutPlanById.load(reference.id);
}
