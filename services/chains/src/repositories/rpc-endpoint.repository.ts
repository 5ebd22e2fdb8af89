import { isUuid, uniqueViolation } from '@junction/db';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource } from 'typeorm';
import { ChainEntity } from '../entities/chain.entity';
import { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import type { AddRpcEndpointInput } from '../types/chain-inputs';

/** Reads and writes chains' RPC endpoints. */
export class RpcEndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The endpoints of each chain, in priority order, one list per id in `chainIds`. One query. */
  async findByChainIds(chainIds: readonly string[]): Promise<RpcEndpointEntity[][]> {
    const rows = await this.dataSource
      .getRepository(RpcEndpointEntity)
      .find({ where: { chainId: In([...chainIds]) }, order: { priority: 'ASC', createdAt: 'ASC' } });
    return groupByKeys(rows, (row) => row.chainId, chainIds);
  }

  /** Adds an endpoint to an active chain. */
  async add(chainId: string, input: AddRpcEndpointInput): Promise<RpcEndpointEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const chain = isUuid(chainId) ? await manager.findOneBy(ChainEntity, { id: chainId, archivedAt: IsNull() }) : null;
        if (!chain) throw new NotFoundError('active chain', chainId);
        return manager.save(manager.create(RpcEndpointEntity, { id: randomUUID(), chainId, ...input }));
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new BadUserInputError([{ field: 'input.url', message: 'is already an endpoint of this chain' }]);
      throw error;
    }
  }

  /** Removes an endpoint; returns the removed record. */
  async remove(id: string): Promise<RpcEndpointEntity> {
    const repository = this.dataSource.getRepository(RpcEndpointEntity);
    const endpoint = isUuid(id) ? await repository.findOneBy({ id }) : null;
    if (!endpoint) throw new NotFoundError('RPC endpoint', id);
    await repository.delete({ id });
    return endpoint;
  }
}
