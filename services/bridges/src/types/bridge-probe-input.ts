import { ContractProbeInput } from '@junction/federation';
import { Field, ID, InputType } from 'type-graphql';

/** A new contract probe of a bridge: the shared probe fields and rules, and the chain the contract lives on. */
@InputType({ description: 'A contract read that a healthy bridge must pass.' })
export class BridgeProbeInput extends ContractProbeInput('Bridge') {
  @Field(() => ID, { description: 'The chain the contract lives on.' })
  chainId!: string;
}
