import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '@junction/federation';
import { ChainKind, ChainLifecycle, ChainStack, DataAvailabilityLayer, RollupStage, SequencerModel } from './enums';
import { RiskSummary } from './risk-summary';

/** A chain in the catalogue. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A chain in the catalogue: an L1, a rollup, a sidechain or an app-chain.' })
export class Chain {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable, URL-safe name, e.g. `arbitrum-one`.' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => GraphQLSafeInt, { description: 'EIP-155 chain id.' })
  chainId!: number;

  @Field(() => ChainKind)
  kind!: ChainKind;

  @Field(() => ChainStack)
  stack!: ChainStack;

  /** Resolved by a field resolver from `settlementChainId`. */
  settlementChainId!: string | null;

  @Field(() => DataAvailabilityLayer, { description: 'Where the chain publishes its transaction data.' })
  daLayer!: DataAvailabilityLayer;

  @Field(() => SequencerModel)
  sequencerModel!: SequencerModel;

  @Field(() => Int, { description: 'Expected time between blocks, in milliseconds.' })
  expectedBlockTimeMs!: number;

  @Field(() => Int, { description: 'Target time to finality on the settlement layer, in seconds.' })
  finalityTargetSeconds!: number;

  @Field(() => String, { nullable: true })
  explorerUrl!: string | null;

  @Field(() => String, { nullable: true })
  websiteUrl!: string | null;

  @Field(() => ChainLifecycle)
  status!: ChainLifecycle;

  @Field(() => RollupStage)
  stage!: RollupStage;

  @Field(() => RiskSummary, { nullable: true, description: 'Null where no assessment was made (L1s).' })
  risk!: RiskSummary | null;

  @Field(() => String, { nullable: true, description: 'Address of the Chainlink L2 sequencer uptime feed read for health.' })
  sequencerUptimeFeedAddress!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the chain was archived; archived chains leave lists.' })
  archivedAt!: Date | null;

  gasTokenSymbol!: string;
  gasTokenDecimals!: number;
}

/** A page of chains. */
@ObjectType()
export class ChainConnection extends Connection(Chain) {}
