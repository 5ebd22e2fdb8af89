import { IsDisplayName } from '@junction/federation';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RolloutPhase } from './enums';

/** One phase of a new plan. */
@InputType({ description: 'One phase of a new plan.' })
export class RolloutPlanPhaseInput {
  @Field(() => RolloutPhase)
  phase!: RolloutPhase;

  @Field(() => Int)
  @Min(0, { message: 'capacityPercent must be 0 to 100' })
  @Max(100, { message: 'capacityPercent must be 0 to 100' })
  capacityPercent!: number;

  @Field(() => [String], { defaultValue: [], description: 'Checks that must pass before leaving this phase.' })
  @ArrayMaxSize(20, { message: 'gates must list at most 20 checks' })
  @Length(1, 300, { each: true, message: 'each gate must be 1 to 300 characters' })
  gates!: string[];
}

/** A contract to pause when rolling back. */
@InputType({ description: 'A contract to pause when rolling back.' })
export class RolloutPausableContractInput {
  @Field()
  @Length(1, 120, { message: 'label must be 1 to 120 characters' })
  label!: string;

  @Field({ description: 'EVM address; mixed case must match its EIP-55 checksum.' })
  address!: string;
}

/** A signer of the rollback multisig. */
@InputType({ description: 'A signer of the rollback multisig.' })
export class RolloutMultisigSignerInput {
  @Field()
  @IsDisplayName()
  name!: string;

  @Field({ description: 'EVM address; mixed case must match its EIP-55 checksum.' })
  address!: string;
}

/** The multisig that signs pauses and rollbacks. */
@InputType({ description: 'The multisig that signs pauses and rollbacks.' })
export class RolloutRollbackMultisigInput {
  @Field({ description: 'EVM address; mixed case must match its EIP-55 checksum.' })
  address!: string;

  @Field(() => Int)
  @Min(1, { message: 'threshold must be at least 1' })
  threshold!: number;

  @Field(() => [RolloutMultisigSignerInput])
  @ArrayMinSize(1, { message: 'signers must list at least one signer' })
  @ArrayMaxSize(50, { message: 'signers must list at most 50 signers' })
  @ValidateNested()
  signers!: RolloutMultisigSignerInput[];
}

/** How to undo a phase. */
@InputType({ description: 'How to undo a phase: pause, signers, state recovery, communication.' })
export class RolloutRollbackProcedureInput {
  @Field()
  @Length(1, 2000, { message: 'pauseProcedure must be 1 to 2000 characters' })
  pauseProcedure!: string;

  @Field(() => [RolloutPausableContractInput], { defaultValue: [] })
  @ArrayMaxSize(50, { message: 'pausableContracts must list at most 50 contracts' })
  @ValidateNested()
  pausableContracts!: RolloutPausableContractInput[];

  @Field(() => RolloutRollbackMultisigInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  multisig?: RolloutRollbackMultisigInput | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50, { message: 'stateRecoveryScripts must list at most 50 scripts' })
  @Length(1, 300, { each: true, message: 'each state-recovery script must be 1 to 300 characters' })
  stateRecoveryScripts!: string[];

  @Field()
  @Length(1, 4000, { message: 'communicationPlan must be 1 to 4000 characters' })
  communicationPlan!: string;
}

/** A new rollout plan for one chain or one bridge. */
@InputType({ description: 'A new rollout plan for exactly one chain or one bridge. It starts in INTERNAL_TESTNET.' })
export class CreateRolloutPlanInput {
  @Field(() => ID, { nullable: true, description: 'The chain; give this or bridgeId.' })
  chainId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The bridge; give this or chainId.' })
  bridgeId?: string | null;

  @Field()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title!: string;

  @Field(() => [RolloutPlanPhaseInput], { description: 'INTERNAL_TESTNET, PARTNER_STAGING, CANARY and FULL, in that order.' })
  @ValidateNested()
  phases!: RolloutPlanPhaseInput[];

  @Field(() => RolloutRollbackProcedureInput)
  @ValidateNested()
  rollback!: RolloutRollbackProcedureInput;
}

/** Changes to a plan's title or rollback procedure; omitted fields keep their value. */
@InputType({ description: "Changes to a plan's title or rollback procedure (e.g. rotated signers); omitted fields keep their value." })
export class UpdateRolloutPlanInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title?: string;

  @Field(() => RolloutRollbackProcedureInput, { nullable: true, description: 'Replaces the whole procedure.' })
  @IsOptional()
  @ValidateNested()
  rollback?: RolloutRollbackProcedureInput;
}

/** Move a plan to its next phase. */
@InputType({ description: 'Move a plan to its next phase, confirming the gates of the phase it leaves.' })
export class AdvanceRolloutPlanInput {
  @Field(() => RolloutPhase, { description: 'The next phase; phases cannot be skipped.' })
  to!: RolloutPhase;

  @Field(() => [String], { defaultValue: [], description: 'Every gate of the current phase, confirmed as passed.' })
  confirmedGates!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string | null;
}

/** Move a plan back to its previous phase. */
@InputType({ description: 'Move a plan back to its previous phase.' })
export class RollBackRolloutPlanInput {
  @Field({ description: 'Why: what was seen, and what must happen before advancing again.' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}
