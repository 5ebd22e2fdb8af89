import { Field, ID, ObjectType } from 'type-graphql';
import { ChainReference } from './chain-reference';

/** The outcome of one contract probe. */
@ObjectType({ description: 'The outcome of one contract probe.' })
export class BridgeProbeResult {
  @Field(() => ID, { description: 'The BridgeProbe this is about.' })
  probeId!: string;

  @Field()
  label!: string;

  @Field(() => ChainReference)
  chain!: ChainReference;

  @Field({ description: 'The contract called, EIP-55 checksummed.' })
  address!: string;

  @Field({ description: 'True when the call succeeded and its value met the expectation.' })
  passed!: boolean;

  @Field(() => String, { nullable: true, description: 'What the function returned, as text (integers in decimal, tuples as JSON); null when it was not called or failed.' })
  value!: string | null;

  @Field({ description: 'Why it passed or failed, in words.' })
  reason!: string;
}
