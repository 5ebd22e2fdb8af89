import { seedId } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { ChainEntity } from '../entities/chain.entity';
import { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import { SEED_CHAINS } from './catalogue';

/**
 * Fills an empty catalogue with the seed chains, in one transaction (all or nothing). Ids are deterministic
 * (`seedId('chain', slug)`), so other services' seeds refer to these chains without asking this service.
 * Returns the number of chains written (0 when the catalogue already had chains).
 */
export async function seedCatalogue(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(ChainEntity)) > 0) return 0;
    const ordered = [...SEED_CHAINS].sort((a, b) => Number(a.settlement !== null) - Number(b.settlement !== null));
    for (const seed of ordered) {
      const { slug, settlement, rpcUrls, ...fields } = seed;
      await manager.insert(ChainEntity, {
        ...fields,
        id: seedId('chain', slug),
        slug,
        settlementChainId: settlement ? seedId('chain', settlement) : null,
        gasTokenDecimals: 18,
        archivedAt: null,
      });
      await manager.insert(
        RpcEndpointEntity,
        rpcUrls.map((url, index) => ({
          id: seedId('rpc-endpoint', `${slug}#${index}`),
          chainId: seedId('chain', slug),
          label: new URL(url).hostname,
          url,
          priority: (index + 1) * 10,
        })),
      );
    }
    return ordered.length;
  });
}
