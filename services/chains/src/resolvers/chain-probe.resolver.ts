import { BadUserInputError, NotFoundError } from '@junction/errors';
import { RequiresAccess } from '@junction/federation';
import { checkProbeInput } from '@junction/onchain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ChainsContext } from '../context';
import type { ChainProbeEntity } from '../entities/chain-probe.entity';
import type { ChainEntity } from '../entities/chain.entity';
import type { ChainProbeRepository } from '../repositories/chain-probe.repository';
import { Chain } from '../types/chain';
import { ChainProbe } from '../types/chain-probe';
import { ChainProbeInput } from '../types/chain-probe-input';

/** Operators manage chains' contract probes. */
@Resolver(() => ChainProbe)
export class ChainProbeResolver {
  constructor(private readonly probes: ChainProbeRepository) {}

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => ChainProbe, {
    description: "Adds a contract probe to an active chain: a view call on that chain whose value `Chain.health` checks on every observation. Operators only.",
  })
  addChainProbe(
    @Arg('chainId', () => ID) chainId: string,
    @Arg('input', () => ChainProbeInput) input: ChainProbeInput,
  ): Promise<ChainProbeEntity> {
    const { probe, problems } = checkProbeInput(input);
    if (problems.length > 0) throw new BadUserInputError(problems);
    return this.probes.add(chainId, { ...probe, label: input.label });
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => ChainProbe, { description: 'Removes a contract probe from an active chain; returns what was removed. Operators only.' })
  removeChainProbe(@Arg('id', () => ID) id: string): Promise<ChainProbeEntity> {
    return this.probes.remove(id);
  }

  @FieldResolver(() => Chain, { description: 'The chain the probe reads.' })
  async chain(@Root() probe: ChainProbeEntity, @Ctx() { loaders }: ChainsContext): Promise<ChainEntity> {
    const chain = await loaders.chainById.load(probe.chainId);
    if (!chain) throw new NotFoundError('chain', probe.chainId);
    return chain;
  }

  @FieldResolver(() => ChainProbe.Expectation)
  expect(@Root() probe: ChainProbeEntity): ChainProbe['expect'] {
    return { equals: probe.expectEquals, min: probe.expectMin, max: probe.expectMax };
  }
}
