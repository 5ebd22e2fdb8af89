import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RolloutPhase, RolloutTransitionKind } from './enums';

/** One phase of a rollout plan. */
@ObjectType({ description: 'One phase of a rollout plan: how much capacity it opens and what must pass before leaving it.' })
export class RolloutPlanPhase {
  @Field(() => RolloutPhase, { description: 'Which phase.' })
  phase!: RolloutPhase;

  @Field(() => Int, { description: 'Share of production capacity (users, volume) open in this phase, 0 to 100.' })
  capacityPercent!: number;

  @Field(() => [String], { description: 'Checks that must pass before the plan advances past this phase.' })
  gates!: string[];
}

/** One step in a rollout plan's history. */
@ObjectType({ description: "One step in a rollout plan's history." })
export class RolloutTransition {
  @Field(() => Int, { description: '1 for the start, then one more per transition.' })
  sequence!: number;

  @Field(() => RolloutTransitionKind, { description: 'Start, advance or rollback.' })
  kind!: RolloutTransitionKind;

  @Field(() => RolloutPhase, { nullable: true, description: 'Null for the start.' })
  fromPhase!: RolloutPhase | null;

  @Field(() => RolloutPhase, { description: 'The phase the plan entered.' })
  toPhase!: RolloutPhase;

  @Field(() => [String], { description: 'Gates of fromPhase confirmed as passed (advances only).' })
  confirmedGates!: string[];

  @Field(() => String, { nullable: true, description: 'Why the plan rolled back, or a note on an advance.' })
  note!: string | null;

  @Field({ description: 'When the step happened.' })
  occurredAt!: Date;
}

/** A staged rollout with a partner. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A staged rollout with a partner on one chain or bridge: INTERNAL_TESTNET → PARTNER_STAGING → CANARY → FULL, one ' +
    'phase at a time, with gates and a rollback procedure (the procedure is private to the partner and to operators).',
})
export class RolloutPlan {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What is being rolled out.' })
  title!: string;

  @Field(() => RolloutPhase, { description: 'The phase the plan is in now.' })
  currentPhase!: RolloutPhase;

  @Field(() => [RolloutPlanPhase], { description: 'Every phase, in order.' })
  phases!: RolloutPlanPhase[];

  @Field({ description: 'When the plan entered its first phase.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the plan reached FULL; null before, and again after a rollback from FULL.' })
  completedAt!: Date | null;

  @Field({ description: 'When the plan was recorded.' })
  createdAt!: Date;

  @Field({ description: 'When the plan last changed (title, rollback procedure or phase).' })
  updatedAt!: Date;

  /** Resolved by field resolvers. */
  partnerId!: string;
  chainId!: string | null;
  bridgeId!: string | null;
}
