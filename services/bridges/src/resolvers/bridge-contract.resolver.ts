import { RequiresAccess } from '@junction/federation';
import { NotFoundError } from '@junction/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { toFunctionSelector } from 'viem';
import type { BridgesContext } from '../context';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeContractRepository } from '../repositories/bridge-contract.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import { Bridge } from '../types/bridge';
import { BridgeContract } from '../types/bridge-contract';
import { BridgeContractInput } from '../types/bridge-contract-input';
import { ChainReference } from '../types/chain-reference';
import type { BridgeInputCheck } from '../validation/bridge-input-check';

/** Bridges' contracts: adding, removing, and their links. */
@Resolver(() => BridgeContract)
export class BridgeContractResolver {
  constructor(
    private readonly bridges: BridgeRepository,
    private readonly contracts: BridgeContractRepository,
    private readonly check: BridgeInputCheck,
  ) {}

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeContract, { description: 'Adds a contract to an active bridge. The address is stored EIP-55 checksummed.' })
  async addBridgeContract(
    @Arg('bridgeId', () => ID) bridgeId: string,
    @Arg('input', () => BridgeContractInput) input: BridgeContractInput,
  ): Promise<BridgeContractEntity> {
    await this.bridges.findActive(bridgeId);
    return this.contracts.add(bridgeId, await this.check.forContract(input));
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => BridgeContract, { description: 'Removes a contract from an active bridge; returns what was removed.' })
  removeBridgeContract(@Arg('id', () => ID) id: string): Promise<BridgeContractEntity> {
    return this.contracts.remove(id);
  }

  @FieldResolver(() => ChainReference, { description: 'The chain the contract lives on.' })
  chain(@Root() contract: BridgeContractEntity): ChainReference {
    return { id: contract.chainId };
  }

  @FieldResolver(() => Bridge)
  async bridge(@Root() contract: BridgeContractEntity, @Ctx() { loaders }: BridgesContext): Promise<BridgeEntity> {
    const bridge = await loaders.bridgeById.load(contract.bridgeId);
    if (!bridge) throw new NotFoundError('bridge', contract.bridgeId);
    return bridge;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The 4-byte selector of pauseFunctionSignature, e.g. `0x8456cb59` for `pause()`.' })
  pauseFunctionSelector(@Root() contract: BridgeContractEntity): string | null {
    return contract.pauseFunctionSignature ? toFunctionSelector(contract.pauseFunctionSignature) : null;
  }
}
