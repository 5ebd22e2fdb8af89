import DataLoader from 'dataloader';
import type { ChainEntity } from '../entities/chain.entity';
import type { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import type { ChainRepository } from '../repositories/chain.repository';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';

/** The chains service's loaders; built per request so nothing is cached across callers. */
export interface ChainsLoaders {
  /** Chains by id (null where unknown); every `__resolveReference` and settlement lookup goes through it. */
  chainById: DataLoader<string, ChainEntity | null>;
  /** RPC endpoints by chain id. */
  rpcEndpointsByChainId: DataLoader<string, RpcEndpointEntity[]>;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders(repositories: { chains: ChainRepository; rpcEndpoints: RpcEndpointRepository }): ChainsLoaders {
  return {
    chainById: new DataLoader((ids) => repositories.chains.findByIds(ids)),
    rpcEndpointsByChainId: new DataLoader((ids) => repositories.rpcEndpoints.findByChainIds(ids)),
  };
}
