import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BridgeContractEntity } from '../entities/bridge-contract.entity';
import { lockActiveBridge, touchBridge } from './active-bridge';
import type { NewBridgeContract } from './bridge-records';
import { tableName } from './table-name';

const UNIQUE_FIELDS: Record<string, FieldError> = {
  bridge_contract_bridge_chain_address_key: { field: 'input.address', message: 'is already listed for this bridge on that chain' },
};

/** Reads and writes bridges' contracts. */
export class BridgeContractRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The contracts of each bridge, by label, at most `first` per bridge, one list per id in `bridgeIds`. One SQL
   * statement for any number of bridges.
   */
  async findByBridgeIds(bridgeIds: readonly string[], first: number): Promise<BridgeContractEntity[][]> {
    const valid = [...new Set(bridgeIds.filter(isUuid))];
    if (valid.length === 0) return bridgeIds.map(() => []);
    const contracts = tableName(this.dataSource, BridgeContractEntity);
    const rows = await this.dataSource
      .getRepository(BridgeContractEntity)
      .createQueryBuilder('contract')
      .where(
        `contract.id IN (SELECT ranked.id FROM (
          SELECT id, row_number() OVER (PARTITION BY bridge_id ORDER BY label COLLATE "C", id) AS position
          FROM ${contracts} WHERE bridge_id IN (:...bridgeIds)
        ) ranked WHERE ranked.position <= :first)`,
        { bridgeIds: valid, first },
      )
      .orderBy('contract.label COLLATE "C"')
      .addOrderBy('contract.id')
      .getMany();
    return groupByKeys(rows, (row) => row.bridgeId, bridgeIds);
  }

  /** Adds a checked contract to an active bridge; the same address on the same chain is refused. */
  add(bridgeId: string, contract: NewBridgeContract): Promise<BridgeContractEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActiveBridge(manager, bridgeId);
      const clash = await manager.findOneBy(BridgeContractEntity, { bridgeId, chainId: contract.chainId, address: contract.address });
      if (clash) {
        throw new BadUserInputError([
          { field: 'input.address', message: `${contract.address} is already listed for this bridge on that chain, as "${clash.label}"` },
        ]);
      }
      const saved = await manager.save(manager.create(BridgeContractEntity, { ...contract, id: randomUUID(), bridgeId }));
      await touchBridge(manager, bridgeId);
      return saved;
    }, UNIQUE_FIELDS);
  }

  /** Removes a contract from an active bridge; returns the removed record. */
  remove(id: string): Promise<BridgeContractEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const contract = isUuid(id) ? await manager.findOneBy(BridgeContractEntity, { id }) : null;
      if (!contract) throw new NotFoundError('bridge contract', id);
      await lockActiveBridge(manager, contract.bridgeId);
      await manager.delete(BridgeContractEntity, { id });
      await touchBridge(manager, contract.bridgeId);
      return contract;
    }, UNIQUE_FIELDS);
  }
}
