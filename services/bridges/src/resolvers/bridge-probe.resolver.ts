import { NotFoundError } from '@junction/errors';
import { RequiresAccess } from '@junction/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeProbeRepository } from '../repositories/bridge-probe.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import { Bridge } from '../types/bridge';
import { BridgeProbe } from '../types/bridge-probe';
import { BridgeProbeInput } from '../types/bridge-probe-input';
import { ChainReference } from '../types/chain-reference';
import type { BridgeInputCheck } from '../validation/bridge-input-check';

/** Operators manage bridges' contract probes. */
@Resolver(() => BridgeProbe)
export class BridgeProbeResolver {
  constructor(
    private readonly bridges: BridgeRepository,
    private readonly probes: BridgeProbeRepository,
    private readonly check: BridgeInputCheck,
  ) {}

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeProbe, {
    description: "Adds a contract probe to an active bridge: a view call whose value `Bridge.health` checks on every observation. Operators only.",
  })
  async addBridgeProbe(
    @Arg('bridgeId', () => ID) bridgeId: string,
    @Arg('input', () => BridgeProbeInput) input: BridgeProbeInput,
  ): Promise<BridgeProbeEntity> {
    await this.bridges.findActive(bridgeId);
    return this.probes.add(bridgeId, await this.check.forProbe(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeProbe, { description: 'Removes a contract probe from an active bridge; returns what was removed. Operators only.' })
  removeBridgeProbe(@Arg('id', () => ID) id: string): Promise<BridgeProbeEntity> {
    return this.probes.remove(id);
  }

  @FieldResolver(() => Bridge)
  async bridge(@Root() probe: BridgeProbeEntity, @Ctx() { loaders }: BridgesContext): Promise<BridgeEntity> {
    const bridge = await loaders.bridgeById.load(probe.bridgeId);
    if (!bridge) throw new NotFoundError('bridge', probe.bridgeId);
    return bridge;
  }

  @FieldResolver(() => ChainReference, { description: 'The chain the probed contract lives on.' })
  chain(@Root() probe: BridgeProbeEntity): ChainReference {
    return { id: probe.chainId };
  }

  @FieldResolver(() => BridgeProbe.Expectation)
  expect(@Root() probe: BridgeProbeEntity): BridgeProbe['expect'] {
    return { equals: probe.expectEquals, min: probe.expectMin, max: probe.expectMax };
  }
}
