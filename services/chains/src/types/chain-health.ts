import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChainProbeResult } from './chain-probe-result';

/** How a chain is doing, read from the chain itself. */
export enum ChainHealthStatus {
  HEALTHY = 'HEALTHY',
  DEGRADED = 'DEGRADED',
  HALTED = 'HALTED',
  UNREACHABLE = 'UNREACHABLE',
  MISCONFIGURED = 'MISCONFIGURED',
}

registerEnumType(ChainHealthStatus, {
  name: 'ChainHealthStatus',
  description: 'How a chain is doing, read from the chain itself.',
  valuesConfig: {
    HEALTHY: { description: 'Blocks arrive on time, every endpoint answers and every contract probe passes.' },
    DEGRADED: { description: 'Blocks are late, some endpoints do not answer, or a contract probe fails.' },
    HALTED: { description: 'No new block for longer than the halted threshold, or the sequencer feed reports it down.' },
    UNREACHABLE: { description: 'No endpoint answers.' },
    MISCONFIGURED: { description: 'The endpoints serve another chain id than the catalogue says; reads are refused.' },
  },
});

/** A safe or finalized block and how far it trails the head. */
@ObjectType({ description: 'A safe or finalized block and how far it trails the head.' })
export class BlockCheckpoint {
  @Field(() => GraphQLSafeInt)
  number!: number;

  @Field()
  timestamp!: Date;

  @Field(() => Int, { description: 'Blocks between this checkpoint and the head.' })
  lagBlocks!: number;

  @Field(() => Float, { description: 'Seconds between this checkpoint and the head.' })
  lagSeconds!: number;
}

/** One RPC endpoint as the last probe saw it (its URL stays secret). */
@ObjectType({ description: 'One RPC endpoint as the last probe saw it. Its URL is a secret and is not shown.' })
export class EndpointHealth {
  @Field()
  label!: string;

  @Field(() => Int, { description: 'Lower is tried first.' })
  priority!: number;

  @Field()
  reachable!: boolean;

  @Field(() => Float, { nullable: true, description: 'Round-trip time of the probe, in milliseconds.' })
  latencyMs!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'The chain id the endpoint reported.' })
  chainId!: number | null;
}

/** The Chainlink L2 sequencer uptime feed's answer. */
@ObjectType({ description: "The Chainlink L2 sequencer uptime feed's answer." })
export class SequencerUptime {
  @Field({ description: 'True when the feed reports the sequencer up (answer 0).' })
  up!: boolean;

  @Field({ description: 'When the sequencer last changed state.' })
  startedAt!: Date;

  @Field({ description: 'True while the sequencer is up but came back less than the grace period ago.' })
  withinGracePeriod!: boolean;
}

/** The head ages at which the status changes, for this chain. */
@ObjectType({ description: 'The head ages at which the status changes, for this chain.' })
export class HealthThresholds {
  @Field(() => Float)
  degradedAfterSeconds!: number;

  @Field(() => Float)
  haltedAfterSeconds!: number;
}

/** Live health of a chain, read from its RPC endpoints. */
@ObjectType({ description: 'Live health of a chain, read from its RPC endpoints through a shared cache.' })
export class ChainHealth {
  @Field(() => ChainHealthStatus)
  status!: ChainHealthStatus;

  @Field(() => [String], { description: 'Why the status is what it is, in words.' })
  reasons!: string[];

  @Field({ description: 'False when the endpoints serve another chain id than the catalogue says.' })
  chainIdMatches!: boolean;

  @Field(() => GraphQLSafeInt, { nullable: true })
  headNumber!: number | null;

  @Field(() => Date, { nullable: true })
  headTimestamp!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Seconds between the head block and observedAt.' })
  headAgeSeconds!: number | null;

  @Field(() => BlockCheckpoint, { nullable: true, description: "Null where the chain does not serve the 'safe' tag." })
  safe!: BlockCheckpoint | null;

  @Field(() => BlockCheckpoint, { nullable: true, description: "Null where the chain does not serve the 'finalized' tag." })
  finalized!: BlockCheckpoint | null;

  @Field(() => Float, { nullable: true })
  gasPriceGwei!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null before EIP-1559 or where the chain has no base fee.' })
  baseFeeGwei!: number | null;

  @Field(() => [EndpointHealth])
  endpoints!: EndpointHealth[];

  @Field(() => SequencerUptime, { nullable: true, description: 'Null where no feed is configured.' })
  sequencer!: SequencerUptime | null;

  @Field(() => HealthThresholds)
  thresholds!: HealthThresholds;

  @Field(() => [ChainProbeResult], { description: "The chain's contract probes, by label; a failing one makes a HEALTHY chain DEGRADED." })
  probes!: ChainProbeResult[];

  @Field({ description: 'When these values were read from the chain.' })
  observedAt!: Date;

  @Field(() => Float, { description: 'Seconds since observedAt.' })
  ageSeconds!: number;

  @Field({ description: 'True when the chain could not be read just now and these are the last known values.' })
  stale!: boolean;
}
