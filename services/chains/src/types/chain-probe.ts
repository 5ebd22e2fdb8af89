import { ContractProbe } from '@junction/federation';
import { ObjectType } from 'type-graphql';

/** An operator-defined contract read on a chain that a healthy chain must pass. */
@ObjectType({ description: 'An operator-defined contract read on the chain that a healthy chain must pass; a failing probe makes a HEALTHY chain DEGRADED.' })
export class ChainProbe extends ContractProbe('Chain') {
  /** Resolved to the chain by a field resolver. */
  chainId!: string;
}
