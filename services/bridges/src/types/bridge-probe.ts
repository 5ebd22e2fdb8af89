import { ContractProbe } from '@junction/federation';
import { ObjectType } from 'type-graphql';

/** An operator-defined contract read a healthy bridge must pass. */
@ObjectType({ description: 'An operator-defined contract read that a healthy bridge must pass; a failing probe makes the bridge DEGRADED.' })
export class BridgeProbe extends ContractProbe('Bridge') {
  /** Resolved to the bridge by a field resolver. */
  bridgeId!: string;

  /** Resolved to a `Chain` stub by a field resolver. */
  chainId!: string;
}
