import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/** What a probe's value must be; every condition given must hold. */
@ObjectType({ description: "What a probe's value must be; every condition given must hold. None: the call only has to succeed." })
export class BridgeProbeExpectation {
  @Field(() => String, { nullable: true, description: 'The value must equal this (`true`/`false`, a decimal integer, an address or other string).' })
  equals!: string | null;

  @Field(() => String, { nullable: true, description: 'The integer value must be at least this (decimal).' })
  min!: string | null;

  @Field(() => String, { nullable: true, description: 'The integer value must be at most this (decimal).' })
  max!: string | null;
}

/** An operator-defined contract read a healthy bridge must pass. */
@ObjectType({ description: 'An operator-defined contract read that a healthy bridge must pass; a failing probe makes the bridge DEGRADED.' })
export class BridgeProbe {
  @Field(() => ID)
  id!: string;

  /** Resolved to the bridge by a field resolver. */
  bridgeId!: string;

  /** Resolved to a `Chain` stub by a field resolver. */
  chainId!: string;

  @Field({ description: 'The contract called, EIP-55 checksummed.' })
  address!: string;

  @Field({ description: 'The function, as a human-readable ABI item, e.g. `function paused() view returns (bool)`.' })
  signature!: string;

  @Field(() => [GraphQLJSON], { description: 'The arguments, as JSON values (integers may be decimal strings).' })
  args!: unknown[];

  @Field(() => BridgeProbeExpectation)
  expect!: BridgeProbeExpectation;

  @Field({ description: 'Names the probe in health reasons, e.g. "escrow holds at least 1M USDC".' })
  label!: string;

  @Field()
  createdAt!: Date;
}
