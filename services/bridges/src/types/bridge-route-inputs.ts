import { IsInt, IsOptional, IsPositive, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { MAX_DURATION_SECONDS, MAX_FEE_USD, TOKEN_SYMBOL_MESSAGE, TOKEN_SYMBOL_PATTERN } from './input-rules';

const FEE_MESSAGE = `must be 0 to ${MAX_FEE_USD} USD`;
const DURATION_MESSAGE = `expectedDurationSeconds must be 1 to ${MAX_DURATION_SECONDS} (30 days)`;
const CONFIRMATIONS_MESSAGE = 'confirmationsRequired must be an integer from 0 to 100000';

/** A route of a bridge: one direction, one token. */
@InputType({ description: 'A route of a bridge: one direction between two chains, for one token.' })
export class BridgeRouteInput {
  @Field(() => ID)
  sourceChainId!: string;

  @Field(() => ID, { description: 'Must differ from sourceChainId.' })
  destinationChainId!: string;

  @Field({ description: 'The token moved, e.g. `ETH`; unique per bridge and direction (case-insensitive).' })
  @Matches(TOKEN_SYMBOL_PATTERN, { message: `tokenSymbol ${TOKEN_SYMBOL_MESSAGE}` })
  tokenSymbol!: string;

  @Field(() => String, { nullable: true, description: 'Token contract on the source chain; null for the native gas token.' })
  sourceTokenAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Token contract on the destination chain; null for the native gas token.' })
  destinationTokenAddress?: string | null;

  @Field(() => Int)
  @Min(1, { message: DURATION_MESSAGE })
  @Max(MAX_DURATION_SECONDS, { message: DURATION_MESSAGE })
  expectedDurationSeconds!: number;

  @Field(() => Float, { description: 'Lowest total fee in USD; at most feeUsdMax.' })
  @Min(0, { message: `feeUsdMin ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `feeUsdMin ${FEE_MESSAGE}` })
  feeUsdMin!: number;

  @Field(() => Float, { description: 'Highest total fee in USD.' })
  @Min(0, { message: `feeUsdMax ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `feeUsdMax ${FEE_MESSAGE}` })
  feeUsdMax!: number;

  @Field(() => Float, { nullable: true, description: 'Lowest fee for a 1 KB message in USD; give both message fees or neither.' })
  @IsOptional()
  @Min(0, { message: `messageFeeUsdMin ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `messageFeeUsdMin ${FEE_MESSAGE}` })
  messageFeeUsdMin?: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest fee for a 1 KB message in USD.' })
  @IsOptional()
  @Min(0, { message: `messageFeeUsdMax ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `messageFeeUsdMax ${FEE_MESSAGE}` })
  messageFeeUsdMax?: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest transfer in USD; null means unlimited.' })
  @IsOptional()
  @IsPositive({ message: 'maxTransferUsd must be positive; use null for unlimited' })
  maxTransferUsd?: number | null;

  @Field(() => Int)
  @IsInt({ message: CONFIRMATIONS_MESSAGE })
  @Min(0, { message: CONFIRMATIONS_MESSAGE })
  @Max(100_000, { message: CONFIRMATIONS_MESSAGE })
  confirmationsRequired!: number;

  @Field({ defaultValue: true })
  enabled: boolean = true;
}

/** Changes to a route; omitted fields keep their value. Source, destination and token identify a route and stay. */
@InputType({
  description: 'Changes to a route; omitted fields keep their value. Source, destination and token identify the route: remove it and add another to change them.',
})
export class UpdateBridgeRouteInput {
  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  sourceTokenAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  destinationTokenAddress?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: DURATION_MESSAGE })
  @Max(MAX_DURATION_SECONDS, { message: DURATION_MESSAGE })
  expectedDurationSeconds?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: `feeUsdMin ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `feeUsdMin ${FEE_MESSAGE}` })
  feeUsdMin?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: `feeUsdMax ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `feeUsdMax ${FEE_MESSAGE}` })
  feeUsdMax?: number;

  @Field(() => Float, { nullable: true, description: 'Null clears both message fees together with messageFeeUsdMax.' })
  @IsOptional()
  @Min(0, { message: `messageFeeUsdMin ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `messageFeeUsdMin ${FEE_MESSAGE}` })
  messageFeeUsdMin?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: `messageFeeUsdMax ${FEE_MESSAGE}` })
  @Max(MAX_FEE_USD, { message: `messageFeeUsdMax ${FEE_MESSAGE}` })
  messageFeeUsdMax?: number | null;

  @Field(() => Float, { nullable: true, description: 'Null makes the route unlimited.' })
  @IsOptional()
  @IsPositive({ message: 'maxTransferUsd must be positive; use null for unlimited' })
  maxTransferUsd?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: CONFIRMATIONS_MESSAGE })
  @Min(0, { message: CONFIRMATIONS_MESSAGE })
  @Max(100_000, { message: CONFIRMATIONS_MESSAGE })
  confirmationsRequired?: number;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean;
}
