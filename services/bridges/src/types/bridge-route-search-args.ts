import { PageArgs } from '@junction/federation';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { MAX_DURATION_SECONDS } from './input-rules';

/** Arguments of the route search: from A to B, optionally for a token, a deadline and an amount. */
@ArgsType()
export class BridgeRouteSearchArgs extends PageArgs {
  @Field(() => ID)
  sourceChainId!: string;

  @Field(() => ID, { description: 'Must differ from sourceChainId.' })
  destinationChainId!: string;

  @Field(() => String, { nullable: true, description: 'Only routes for this token symbol (case-insensitive).' })
  @IsOptional()
  @Length(1, 32, { message: 'token must be 1 to 32 characters' })
  token?: string;

  @Field(() => Int, { nullable: true, description: 'Only routes expected to take at most this many seconds.' })
  @IsOptional()
  @Min(1, { message: 'maxDurationSeconds must be at least 1' })
  @Max(MAX_DURATION_SECONDS, { message: `maxDurationSeconds must be at most ${MAX_DURATION_SECONDS} (30 days)` })
  maxDurationSeconds?: number;

  @Field(() => Float, { nullable: true, description: 'The amount to move, in USD: routes whose maxTransferUsd is lower are left out.' })
  @IsOptional()
  @Min(0, { message: 'amountUsd must be 0 or more' })
  amountUsd?: number;
}
