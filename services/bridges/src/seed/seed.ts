import { checksumAddress, seedId } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { BridgeContractEntity } from '../entities/bridge-contract.entity';
import { BridgeRouteEntity } from '../entities/bridge-route.entity';
import { BridgeEntity } from '../entities/bridge.entity';
import { SEED_BRIDGES } from './catalogue';

/**
 * Fills an empty catalogue with the roster's bridges, their contracts and routes, in one transaction (all or
 * nothing). Ids are deterministic: `seedId('bridge', slug)` for bridges, so other services' seeds refer to them
 * without asking; chains and operators are `seedId('chain', slug)` and `seedId('partner', slug)` of the chains and
 * partners seeds. Addresses go through the same EIP-55 check as user input. Returns the number of bridges written
 * (0 when the catalogue already had bridges).
 */
export async function seedBridges(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(BridgeEntity)) > 0) return 0;
    for (const { slug, operator, contracts, routes, ...fields } of SEED_BRIDGES) {
      const bridgeId = seedId('bridge', slug);
      await manager.insert(BridgeEntity, { ...fields, id: bridgeId, slug, operatorPartnerId: seedId('partner', operator), archivedAt: null });
      await manager.insert(
        BridgeContractEntity,
        contracts.map(({ chain, address, ...contract }) => ({
          ...contract,
          id: seedId('bridge-contract', `${slug}#${chain}#${address.toLowerCase()}`),
          bridgeId,
          chainId: seedId('chain', chain),
          address: checksumAddress(`seed.${slug}.contracts`, address),
        })),
      );
      await manager.insert(
        BridgeRouteEntity,
        routes.map(({ source, destination, sourceTokenAddress, destinationTokenAddress, ...route }) => ({
          ...route,
          id: seedId('bridge-route', `${slug}#${source}#${destination}#${route.tokenSymbol}`),
          bridgeId,
          sourceChainId: seedId('chain', source),
          destinationChainId: seedId('chain', destination),
          sourceTokenAddress: sourceTokenAddress && checksumAddress(`seed.${slug}.routes`, sourceTokenAddress),
          destinationTokenAddress: destinationTokenAddress && checksumAddress(`seed.${slug}.routes`, destinationTokenAddress),
          enabled: true,
        })),
      );
    }
    return SEED_BRIDGES.length;
  });
}
