import type { FieldError } from '@junction/errors';
import type { RolloutPlanPhaseRecord } from '../entities/rollout-plan.entity';
import { RolloutPhase } from '../types/enums';

/** The only order a rollout moves through, from the guide's staged rollout. */
export const ROLLOUT_PHASE_ORDER: readonly RolloutPhase[] = [
  RolloutPhase.INTERNAL_TESTNET,
  RolloutPhase.PARTNER_STAGING,
  RolloutPhase.CANARY,
  RolloutPhase.FULL,
];

const ORDER_TEXT = ROLLOUT_PHASE_ORDER.join(' → ');

/** The phase after `phase`, or null after FULL. */
export function nextPhase(phase: RolloutPhase): RolloutPhase | null {
  return ROLLOUT_PHASE_ORDER[ROLLOUT_PHASE_ORDER.indexOf(phase) + 1] ?? null;
}

/** The phase before `phase`, or null before INTERNAL_TESTNET. */
export function previousPhase(phase: RolloutPhase): RolloutPhase | null {
  return ROLLOUT_PHASE_ORDER[ROLLOUT_PHASE_ORDER.indexOf(phase) - 1] ?? null;
}

/**
 * Problems with a plan's phases: every phase once, in order; capacity never shrinks along the rollout and FULL
 * is 100%; no gate listed twice in a phase.
 */
export function phasesProblems(phases: readonly RolloutPlanPhaseRecord[], field = 'input.phases'): FieldError[] {
  const listed = phases.map((step) => step.phase);
  if (listed.length !== ROLLOUT_PHASE_ORDER.length || listed.some((phase, index) => phase !== ROLLOUT_PHASE_ORDER[index])) {
    return [{ field, message: `must list INTERNAL_TESTNET, PARTNER_STAGING, CANARY and FULL once each, in that order (got ${listed.join(', ') || 'none'})` }];
  }
  const problems: FieldError[] = [];
  phases.forEach((step, index) => {
    const previous = phases[index - 1];
    if (previous && step.capacityPercent < previous.capacityPercent) {
      problems.push({
        field: `${field}.${index}.capacityPercent`,
        message: `must be at least ${previous.capacityPercent} (the ${previous.phase} capacity): capacity only grows along the rollout`,
      });
    }
    if (step.phase === RolloutPhase.FULL && step.capacityPercent !== 100) {
      problems.push({ field: `${field}.${index}.capacityPercent`, message: 'must be 100: FULL is the complete ramp-up' });
    }
    const seen = new Set<string>();
    for (const gate of step.gates) {
      if (seen.has(gate)) problems.push({ field: `${field}.${index}.gates`, message: `lists "${gate}" twice` });
      seen.add(gate);
    }
  });
  return problems;
}

/**
 * Problems with advancing from `current` to `to`: only the next phase is allowed, and only once every gate of the
 * current phase is confirmed as passed (and nothing else is claimed).
 */
export function advanceProblems(
  current: RolloutPhase,
  phases: readonly RolloutPlanPhaseRecord[],
  to: RolloutPhase,
  confirmedGates: readonly string[],
): FieldError[] {
  const next = nextPhase(current);
  const field = 'input.to';
  if (next === null) return [{ field, message: 'cannot advance: the plan is already at FULL, the last phase' }];
  if (to === current) return [{ field, message: `the plan is already in ${current}; the next phase is ${next}` }];
  if (ROLLOUT_PHASE_ORDER.indexOf(to) < ROLLOUT_PHASE_ORDER.indexOf(current)) {
    return [{ field, message: `${to} comes before ${current}; use rollBackRolloutPlan to go back one phase` }];
  }
  if (to !== next) {
    return [{ field, message: `cannot jump from ${current} to ${to}: advance to ${next} first (phases go ${ORDER_TEXT})` }];
  }
  const gates = phases.find((step) => step.phase === current)?.gates ?? [];
  const problems: FieldError[] = [];
  const missing = gates.filter((gate) => !confirmedGates.includes(gate));
  if (missing.length > 0) {
    problems.push({
      field: 'input.confirmedGates',
      message: `must confirm every gate of ${current} before advancing; not confirmed: ${missing.map((gate) => `"${gate}"`).join(', ')}`,
    });
  }
  const unknown = confirmedGates.filter((gate) => !gates.includes(gate));
  if (unknown.length > 0) {
    problems.push({
      field: 'input.confirmedGates',
      message: `lists gates that ${current} does not have: ${unknown.map((gate) => `"${gate}"`).join(', ')}`,
    });
  }
  return problems;
}
