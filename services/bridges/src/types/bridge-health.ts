import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { BridgeContractHealth } from './bridge-contract-health';
import { BridgeProbeResult } from './bridge-probe-result';

/** How a bridge is doing, read from its contracts on-chain. */
export enum BridgeHealthStatus {
  OPERATIONAL = 'OPERATIONAL',
  PAUSED = 'PAUSED',
  DEGRADED = 'DEGRADED',
  UNREACHABLE = 'UNREACHABLE',
}

registerEnumType(BridgeHealthStatus, {
  name: 'BridgeHealthStatus',
  description: 'How a bridge is doing, read from its contracts on-chain.',
  valuesConfig: {
    OPERATIONAL: { description: 'Every contract answers, none is paused, and every probe passes.' },
    PAUSED: { description: 'A contract reports paused(): transfers through the bridge are stopped.' },
    DEGRADED: { description: 'A chain or a read failed (the rest answered), or a probe failed.' },
    UNREACHABLE: { description: "None of the bridge's chains can be read." },
  },
});

/** Live health of a bridge, read from its contracts. */
@ObjectType({ description: "Live health of a bridge, read from its contracts on every chain (one multicall per chain) through a shared cache." })
export class BridgeHealth {
  @Field(() => BridgeHealthStatus)
  status!: BridgeHealthStatus;

  @Field(() => [String], { description: 'Why the status is what it is, in words.' })
  reasons!: string[];

  @Field(() => [BridgeContractHealth], { description: 'Each contract, by label.' })
  contracts!: BridgeContractHealth[];

  @Field(() => [BridgeProbeResult], { description: "The bridge's contract probes, by label." })
  probes!: BridgeProbeResult[];

  @Field({ description: 'When these values were read from the chains.' })
  observedAt!: Date;

  @Field(() => Float, { description: 'Seconds since observedAt.' })
  ageSeconds!: number;

  @Field({ description: "True when the bridge's chains could not be read just now and these are the last known values." })
  stale!: boolean;
}
