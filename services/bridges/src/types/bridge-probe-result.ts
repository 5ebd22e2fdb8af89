import { ContractProbeResult } from '@junction/federation';
import { Field, ObjectType } from 'type-graphql';
import { ChainReference } from './chain-reference';

/** The outcome of one contract probe of a bridge. */
@ObjectType({ description: 'The outcome of one contract probe.' })
export class BridgeProbeResult extends ContractProbeResult('Bridge') {
  @Field(() => ChainReference)
  chain!: ChainReference;
}
