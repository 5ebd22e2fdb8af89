import { isUuid, writeTransaction } from '@junction/db';
import { NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys, keysetPage, orderByKeys, type Page } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { Brackets, In, IsNull, type DataSource } from 'typeorm';
import { BridgeContractEntity } from '../entities/bridge-contract.entity';
import { BridgeRouteEntity } from '../entities/bridge-route.entity';
import { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeFilter } from '../types/bridge-inputs';
import { lockActiveBridge } from './active-bridge';
import type { BridgeChanges, NewBridge } from './bridge-records';
import { emptyPage } from './empty-page';
import { tableName } from './table-name';

/** Which unique constraint means which input field when a bridge is created. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  bridge_slug_key: { field: 'input.slug', message: 'is already used by another bridge; pick another slug' },
  bridge_contract_bridge_chain_address_key: { field: 'input.contracts', message: 'lists the same contract twice on one chain' },
  bridge_route_bridge_pair_token_key: { field: 'input.routes', message: 'lists the same route (source, destination, token) twice' },
};

/** Reads and writes bridges. The only code that touches the bridge table. */
export class BridgeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bridges by id (archived included), in the order of `ids`, null where unknown. One query for any number of ids. */
  async findByIds(ids: readonly string[]): Promise<Array<BridgeEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(BridgeEntity).findBy({ id: In(valid) });
    return orderByKeys(rows, (row) => row.id, ids);
  }

  /** The bridge with this slug (archived included), or null. */
  findBySlug(slug: string): Promise<BridgeEntity | null> {
    return this.dataSource.getRepository(BridgeEntity).findOneBy({ slug });
  }

  /** The active bridge with this id; `NOT_FOUND` ("No active bridge …") when it is unknown or archived. */
  async findActive(id: string): Promise<BridgeEntity> {
    const bridge = isUuid(id) ? await this.dataSource.getRepository(BridgeEntity).findOneBy({ id, archivedAt: IsNull() }) : null;
    if (!bridge) throw new NotFoundError('active bridge', id);
    return bridge;
  }

  /** Every active (not archived) bridge, by name: what the health sampler reads. */
  findAllActive(): Promise<BridgeEntity[]> {
    return this.dataSource.getRepository(BridgeEntity).find({ where: { archivedAt: IsNull() }, order: { name: 'ASC' } });
  }

  /** One page of bridges matching the filter, ordered by name. */
  findPage(filter: BridgeFilter, first: number, after?: string | null): Promise<Page<BridgeEntity>> {
    const ids = [filter.chainId, filter.operatorPartnerId, filter.betweenChains?.chainA, filter.betweenChains?.chainB];
    // An id that is not a UUID cannot match anything (and PostgreSQL would refuse to compare it to a uuid column).
    if (ids.some((id) => id !== undefined && id !== null && !isUuid(id))) return Promise.resolve(emptyPage());
    const routes = tableName(this.dataSource, BridgeRouteEntity);
    const contracts = tableName(this.dataSource, BridgeContractEntity);
    const query = this.dataSource.getRepository(BridgeEntity).createQueryBuilder('bridge');
    if (!filter.includeArchived) query.andWhere('bridge.archivedAt IS NULL');
    if (filter.kinds?.length) query.andWhere('bridge.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.securityModels?.length) query.andWhere('bridge.securityModel IN (:...models)', { models: filter.securityModels });
    if (filter.statuses?.length) query.andWhere('bridge.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.operatorPartnerId) query.andWhere('bridge.operatorPartnerId = :operator', { operator: filter.operatorPartnerId });
    if (filter.chainId) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM ${routes} r WHERE r.bridge_id = bridge.id AND (r.source_chain_id = :chainId OR r.destination_chain_id = :chainId))
          OR EXISTS (SELECT 1 FROM ${contracts} c WHERE c.bridge_id = bridge.id AND c.chain_id = :chainId))`,
        { chainId: filter.chainId },
      );
    }
    if (filter.betweenChains) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM ${routes} p WHERE p.bridge_id = bridge.id
          AND ((p.source_chain_id = :chainA AND p.destination_chain_id = :chainB) OR (p.source_chain_id = :chainB AND p.destination_chain_id = :chainA)))`,
        { chainA: filter.betweenChains.chainA, chainB: filter.betweenChains.chainB },
      );
    }
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(
        new Brackets((q) => q.where('bridge.name ILIKE :pattern', { pattern }).orWhere('bridge.slug ILIKE :pattern').orWhere('bridge.provider ILIKE :pattern')),
      );
    }
    return keysetPage(query, { first, after, orderBy: 'bridge.name' });
  }

  /**
   * For each chain id, the active bridges with a route from or to it or a contract on it, by name (byte-wise, as
   * every list of bridges), at most
   * `first` per chain. One SQL statement for any number of chains (a window function bounds each chain's list).
   */
  async findByChainIds(chainIds: readonly string[], first: number): Promise<BridgeEntity[][]> {
    const valid = [...new Set(chainIds.filter(isUuid))];
    if (valid.length === 0) return chainIds.map(() => []);
    const routes = tableName(this.dataSource, BridgeRouteEntity);
    const contracts = tableName(this.dataSource, BridgeContractEntity);
    const bridges = tableName(this.dataSource, BridgeEntity);
    const linked = `(
      SELECT link.chain_id, link.bridge_id, row_number() OVER (PARTITION BY link.chain_id ORDER BY b.name COLLATE "C", b.id) AS position
      FROM (
        SELECT source_chain_id AS chain_id, bridge_id FROM ${routes} WHERE source_chain_id IN (:...chainIds)
        UNION SELECT destination_chain_id, bridge_id FROM ${routes} WHERE destination_chain_id IN (:...chainIds)
        UNION SELECT chain_id, bridge_id FROM ${contracts} WHERE chain_id IN (:...chainIds)
      ) link
      JOIN ${bridges} b ON b.id = link.bridge_id AND b.archived_at IS NULL
    )`;
    const { entities, raw } = await this.dataSource
      .getRepository(BridgeEntity)
      .createQueryBuilder('bridge')
      .innerJoin(linked, 'linked', 'linked.bridge_id = bridge.id')
      .addSelect('linked.chain_id', 'linked_chain_id')
      .where('linked.position <= :first')
      .setParameters({ chainIds: valid, first })
      .orderBy('bridge.name COLLATE "C"')
      .addOrderBy('bridge.id')
      .getRawAndEntities<{ bridge_id: string; linked_chain_id: string }>();
    const byId = new Map(entities.map((bridge) => [bridge.id, bridge]));
    const pairs = raw.map((row) => ({ chainId: row.linked_chain_id, bridge: byId.get(row.bridge_id)! }));
    return groupByKeys(pairs, (pair) => pair.chainId, chainIds).map((group) => group.map((pair) => pair.bridge));
  }

  /**
   * For each partner id, the active bridges it operates, by name, at most `limit` per partner. One SQL statement
   * for any number of partners.
   */
  async findByOperatorIds(partnerIds: readonly string[], limit: number): Promise<BridgeEntity[][]> {
    const valid = [...new Set(partnerIds.filter(isUuid))];
    if (valid.length === 0) return partnerIds.map(() => []);
    const bridges = tableName(this.dataSource, BridgeEntity);
    const rows = await this.dataSource
      .getRepository(BridgeEntity)
      .createQueryBuilder('bridge')
      .where(
        `bridge.id IN (SELECT ranked.id FROM (
          SELECT id, row_number() OVER (PARTITION BY operator_partner_id ORDER BY name COLLATE "C", id) AS position
          FROM ${bridges} WHERE operator_partner_id IN (:...partnerIds) AND archived_at IS NULL
        ) ranked WHERE ranked.position <= :limit)`,
        { partnerIds: valid, limit },
      )
      .orderBy('bridge.name COLLATE "C"')
      .addOrderBy('bridge.id')
      .getMany();
    return groupByKeys(rows, (row) => row.operatorPartnerId, partnerIds);
  }

  /** Writes a checked bridge with its contracts and routes in one transaction: all of it, or nothing. */
  create({ contracts, routes, ...fields }: NewBridge, id: string = randomUUID()): Promise<BridgeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const bridge = await manager.save(manager.create(BridgeEntity, { ...fields, id, archivedAt: null }));
      if (contracts.length > 0) {
        await manager.insert(BridgeContractEntity, contracts.map((contract) => ({ ...contract, id: randomUUID(), bridgeId: id })));
      }
      if (routes.length > 0) {
        await manager.insert(BridgeRouteEntity, routes.map((route) => ({ ...route, id: randomUUID(), bridgeId: id })));
      }
      return bridge;
    }, UNIQUE_FIELDS);
  }

  /** Applies checked changes to an active bridge. */
  update(id: string, changes: BridgeChanges): Promise<BridgeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const bridge = await lockActiveBridge(manager, id);
      Object.assign(bridge, changes);
      return manager.save(bridge);
    }, UNIQUE_FIELDS);
  }

  /** Archives a bridge: it leaves lists and route search but stays resolvable by id, so history keeps its links. */
  archive(id: string): Promise<BridgeEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const bridge = await lockActiveBridge(manager, id);
      bridge.archivedAt = new Date();
      return manager.save(bridge);
    }, UNIQUE_FIELDS);
  }
}
