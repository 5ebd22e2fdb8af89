import { ContractProbeResult } from '@junction/federation';
import { ObjectType } from 'type-graphql';

/** The outcome of one contract probe of a chain. */
@ObjectType({ description: 'The outcome of one contract probe of a chain.' })
export class ChainProbeResult extends ContractProbeResult('Chain') {}
