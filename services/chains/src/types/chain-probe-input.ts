import { ContractProbeInput } from '@junction/federation';
import { InputType } from 'type-graphql';

/** A new contract probe of a chain: the shared probe fields and rules; the contract lives on that chain. */
@InputType({ description: 'A contract read on the chain that a healthy chain must pass.' })
export class ChainProbeInput extends ContractProbeInput('Chain') {}
