import { IsDisplayName, IsSearchText, IsSlug, IsWebUrl } from '@junction/federation';
import { IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ChainKind, ChainLifecycle, ChainStack, DataAvailabilityLayer, RiskLevel, RollupStage, SequencerModel } from './enums';

/** One aspect of a chain's risk. */
@InputType()
export class RiskAssessmentInput {
  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field()
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note!: string;
}

/** The risk rosette, all five aspects. */
@InputType()
export class RiskSummaryInput {
  @Field(() => RiskAssessmentInput)
  @ValidateNested()
  stateValidation!: RiskAssessmentInput;

  @Field(() => RiskAssessmentInput)
  @ValidateNested()
  dataAvailability!: RiskAssessmentInput;

  @Field(() => RiskAssessmentInput)
  @ValidateNested()
  exitWindow!: RiskAssessmentInput;

  @Field(() => RiskAssessmentInput)
  @ValidateNested()
  sequencerFailure!: RiskAssessmentInput;

  @Field(() => RiskAssessmentInput)
  @ValidateNested()
  proposerFailure!: RiskAssessmentInput;
}

/** A new chain. */
@InputType({ description: 'A new chain for the catalogue.' })
export class CreateChainInput {
  @Field()
  @IsSlug('arbitrum-one')
  slug!: string;

  @Field()
  @IsDisplayName()
  name!: string;

  @Field(() => GraphQLSafeInt, { description: 'EIP-155 chain id: a positive integer.' })
  @IsInt({ message: 'chainId must be an integer' })
  @Min(1, { message: 'chainId must be a positive EIP-155 chain id (1 or more)' })
  @Max(Number.MAX_SAFE_INTEGER, { message: `chainId must be at most ${Number.MAX_SAFE_INTEGER}` })
  chainId!: number;

  @Field(() => ChainKind)
  kind!: ChainKind;

  @Field(() => ChainStack)
  stack!: ChainStack;

  @Field(() => ID, { nullable: true, description: 'The chain it settles on; required for rollups, null for L1s.' })
  settlementChainId?: string | null;

  @Field(() => DataAvailabilityLayer)
  daLayer!: DataAvailabilityLayer;

  @Field(() => SequencerModel)
  sequencerModel!: SequencerModel;

  @Field(() => Int)
  @Min(1, { message: 'expectedBlockTimeMs must be at least 1 ms' })
  @Max(3_600_000, { message: 'expectedBlockTimeMs must be at most one hour (3600000 ms)' })
  expectedBlockTimeMs!: number;

  @Field(() => Int)
  @Min(1, { message: 'finalityTargetSeconds must be at least 1' })
  @Max(60 * 60 * 24 * 30, { message: 'finalityTargetSeconds must be at most 30 days' })
  finalityTargetSeconds!: number;

  @Field()
  @Matches(/^[A-Za-z0-9.]{1,16}$/, { message: 'gasTokenSymbol must be 1 to 16 letters, digits or dots' })
  gasTokenSymbol!: string;

  @Field(() => Int, { defaultValue: 18 })
  @Min(0, { message: 'gasTokenDecimals must be 0 to 36' })
  @Max(36, { message: 'gasTokenDecimals must be 0 to 36' })
  gasTokenDecimals: number = 18;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  explorerUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  websiteUrl?: string | null;

  @Field(() => ChainLifecycle, { defaultValue: ChainLifecycle.LIVE })
  status: ChainLifecycle = ChainLifecycle.LIVE;

  @Field(() => RollupStage, { defaultValue: RollupStage.NOT_APPLICABLE })
  stage: RollupStage = RollupStage.NOT_APPLICABLE;


  @Field(() => String, { nullable: true, description: 'Address of the Chainlink L2 sequencer uptime feed on this chain.' })
  sequencerUptimeFeedAddress?: string | null;

  @Field(() => Int, { nullable: true, description: 'Head age in seconds after which the chain is DEGRADED; null derives it from the block time.' })
  @IsOptional()
  @Min(1, { message: 'degradedAfterSeconds must be at least 1' })
  @Max(86_400, { message: 'degradedAfterSeconds must be at most one day (86400)' })
  degradedAfterSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Head age in seconds after which the chain is HALTED; null derives it from the block time.' })
  @IsOptional()
  @Min(1, { message: 'haltedAfterSeconds must be at least 1' })
  @Max(86_400, { message: 'haltedAfterSeconds must be at most one day (86400)' })
  haltedAfterSeconds?: number | null;

  @Field(() => RiskSummaryInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  risk?: RiskSummaryInput | null;
}

/** Changes to a chain; omitted fields keep their value. */
@InputType({ description: 'Changes to a chain; omitted fields keep their value.' })
export class UpdateChainInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsDisplayName()
  name?: string;

  @Field(() => ChainStack, { nullable: true })
  stack?: ChainStack;

  @Field(() => ID, { nullable: true })
  settlementChainId?: string | null;

  @Field(() => DataAvailabilityLayer, { nullable: true })
  daLayer?: DataAvailabilityLayer;

  @Field(() => SequencerModel, { nullable: true })
  sequencerModel?: SequencerModel;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'expectedBlockTimeMs must be at least 1 ms' })
  @Max(3_600_000, { message: 'expectedBlockTimeMs must be at most one hour (3600000 ms)' })
  expectedBlockTimeMs?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'finalityTargetSeconds must be at least 1' })
  @Max(60 * 60 * 24 * 30, { message: 'finalityTargetSeconds must be at most 30 days' })
  finalityTargetSeconds?: number;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  explorerUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  websiteUrl?: string | null;

  @Field(() => ChainLifecycle, { nullable: true })
  status?: ChainLifecycle;

  @Field(() => RollupStage, { nullable: true })
  stage?: RollupStage;


  @Field(() => String, { nullable: true, description: 'Address of the Chainlink L2 sequencer uptime feed on this chain.' })
  sequencerUptimeFeedAddress?: string | null;

  @Field(() => Int, { nullable: true, description: 'Head age in seconds after which the chain is DEGRADED; null derives it from the block time.' })
  @IsOptional()
  @Min(1, { message: 'degradedAfterSeconds must be at least 1' })
  @Max(86_400, { message: 'degradedAfterSeconds must be at most one day (86400)' })
  degradedAfterSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Head age in seconds after which the chain is HALTED; null derives it from the block time.' })
  @IsOptional()
  @Min(1, { message: 'haltedAfterSeconds must be at least 1' })
  @Max(86_400, { message: 'haltedAfterSeconds must be at most one day (86400)' })
  haltedAfterSeconds?: number | null;

  @Field(() => RiskSummaryInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  risk?: RiskSummaryInput | null;
}

/** A new RPC endpoint for a chain. */
@InputType()
export class AddRpcEndpointInput {
  @Field()
  @Length(1, 80, { message: 'label must be 1 to 80 characters' })
  label!: string;

  @Field()
  @IsUrl({ protocols: ['https', 'http', 'wss', 'ws'], require_protocol: true, require_tld: false }, {
    message: 'url must be an http(s) or ws(s) URL',
  })
  url!: string;

  @Field(() => Int, { defaultValue: 100 })
  @Min(0, { message: 'priority must be 0 to 10000' })
  @Max(10_000, { message: 'priority must be 0 to 10000' })
  priority: number = 100;
}

/** Which chains a list returns. */
@InputType({ description: 'Which chains a list returns; all conditions must hold.' })
export class ChainFilter {
  @Field(() => [ChainKind], { nullable: true })
  kinds?: ChainKind[];

  @Field(() => [ChainStack], { nullable: true })
  stacks?: ChainStack[];

  @Field(() => [ChainLifecycle], { nullable: true })
  statuses?: ChainLifecycle[];

  @Field(() => ID, { nullable: true, description: 'Only chains that settle on this chain.' })
  settlementChainId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or slug.' })
  @IsSearchText()
  search?: string;

  @Field({ defaultValue: false, description: 'Include archived chains.' })
  includeArchived: boolean = false;
}
