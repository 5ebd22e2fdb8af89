import { Connection } from '@junction/federation';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** One direction of a bridge between two chains for one token. */
@ObjectType({ description: 'One direction of a bridge between two chains for one token, with its published time and cost.' })
export class BridgeRoute {
  @Field(() => ID)
  id!: string;

  /** Resolved to the bridge by a field resolver. */
  bridgeId!: string;

  /** Resolved to a `Chain` stub by a field resolver. */
  sourceChainId!: string;

  /** Resolved to a `Chain` stub by a field resolver. */
  destinationChainId!: string;

  @Field({ description: 'The token moved, e.g. `ETH` or `USDC`.' })
  tokenSymbol!: string;

  @Field(() => String, { nullable: true, description: 'The token contract on the source chain (EIP-55); null for the native gas token or when it varies.' })
  sourceTokenAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The token contract on the destination chain (EIP-55); null for the native gas token or when it varies.' })
  destinationTokenAddress!: string | null;

  @Field(() => Int, { description: 'Published time from sending to funds usable on the destination, in seconds.' })
  expectedDurationSeconds!: number;

  @Field(() => Float, { description: 'Lowest published total fee for a transfer, in USD.' })
  feeUsdMin!: number;

  @Field(() => Float, { description: 'Highest published total fee for a transfer, in USD.' })
  feeUsdMax!: number;

  @Field(() => Float, { nullable: true, description: 'Lowest fee for a 1 KB message, in USD; null when not published.' })
  messageFeeUsdMin!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest fee for a 1 KB message, in USD; null when not published.' })
  messageFeeUsdMax!: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest transfer the bridge accepts, in USD; null means unlimited.' })
  maxTransferUsd!: number | null;

  @Field(() => Int, { description: 'Source-chain block confirmations the bridge waits for before acting.' })
  confirmationsRequired!: number;

  @Field({ description: 'False while the route is switched off; disabled routes are left out of route search.' })
  enabled!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

/** A page of routes. */
@ObjectType({ description: 'A page of bridge routes.' })
export class BridgeRouteConnection extends Connection(BridgeRoute) {}
