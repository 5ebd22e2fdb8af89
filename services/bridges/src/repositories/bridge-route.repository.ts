import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys, type Page } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BridgeRouteEntity } from '../entities/bridge-route.entity';
import { BridgeEntity } from '../entities/bridge.entity';
import { BridgeLifecycle } from '../types/enums';
import { feeProblems } from '../validation/fee-problems';
import { lockActiveBridge, touchBridge } from './active-bridge';
import type { BridgeRouteChanges, NewBridgeRoute } from './bridge-records';
import { emptyPage } from './empty-page';
import { decodeRouteCursor, encodeRouteCursor } from './route-cursor';
import { tableName } from './table-name';

const UNIQUE_FIELDS: Record<string, FieldError> = {
  bridge_route_bridge_pair_token_key: { field: 'input.tokenSymbol', message: 'already has a route of this bridge between these chains' },
};

/** What the route search looks for. */
export interface RouteSearch {
  /** Where the funds leave from. */
  sourceChainId: string;
  /** Where they arrive. */
  destinationChainId: string;
  /** Only this token (case-insensitive). @default any token */
  token?: string | null;
  /** Only routes expected to take at most this long. @default no limit */
  maxDurationSeconds?: number | null;
  /** Leave out routes whose max transfer is below this amount. @default no amount */
  amountUsd?: number | null;
  /** Page size. */
  first: number;
  /** Cursor of the previous page. @default first page */
  after?: string | null;
}

/** Reads and writes bridges' routes. */
export class BridgeRouteRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The routes of each bridge, fastest then cheapest, at most `first` per bridge, one list per id in `bridgeIds`.
   * One SQL statement for any number of bridges.
   */
  async findByBridgeIds(bridgeIds: readonly string[], first: number): Promise<BridgeRouteEntity[][]> {
    const valid = [...new Set(bridgeIds.filter(isUuid))];
    if (valid.length === 0) return bridgeIds.map(() => []);
    const routes = tableName(this.dataSource, BridgeRouteEntity);
    const rows = await this.dataSource
      .getRepository(BridgeRouteEntity)
      .createQueryBuilder('route')
      .where(
        `route.id IN (SELECT ranked.id FROM (
          SELECT id, row_number() OVER (
            PARTITION BY bridge_id ORDER BY expected_duration_seconds, fee_usd_min, fee_usd_max, id
          ) AS position
          FROM ${routes} WHERE bridge_id IN (:...bridgeIds)
        ) ranked WHERE ranked.position <= :first)`,
        { bridgeIds: valid, first },
      )
      .orderBy('route.expectedDurationSeconds')
      .addOrderBy('route.feeUsdMin')
      .addOrderBy('route.feeUsdMax')
      .addOrderBy('route.id')
      .getMany();
    return groupByKeys(rows, (row) => row.bridgeId, bridgeIds);
  }

  /**
   * Enabled routes from one chain to another on bridges that are neither archived nor paused by their operator,
   * fastest first, then cheapest (minimum fee, then maximum fee); keyset-paginated, one statement per page.
   */
  async search({ sourceChainId, destinationChainId, token, maxDurationSeconds, amountUsd, first, after }: RouteSearch): Promise<Page<BridgeRouteEntity>> {
    if (!isUuid(sourceChainId) || !isUuid(destinationChainId)) return emptyPage();
    const query = this.dataSource
      .getRepository(BridgeRouteEntity)
      .createQueryBuilder('route')
      .innerJoin(BridgeEntity, 'bridge', 'bridge.id = route.bridgeId')
      .where('route.sourceChainId = :sourceChainId AND route.destinationChainId = :destinationChainId', { sourceChainId, destinationChainId })
      .andWhere('route.enabled = true')
      .andWhere('bridge.archivedAt IS NULL')
      .andWhere('bridge.status <> :paused', { paused: BridgeLifecycle.PAUSED_BY_OPERATOR });
    if (token) query.andWhere('lower(route.tokenSymbol) = lower(:token)', { token });
    if (maxDurationSeconds !== undefined && maxDurationSeconds !== null) {
      query.andWhere('route.expectedDurationSeconds <= :maxDurationSeconds', { maxDurationSeconds });
    }
    if (amountUsd !== undefined && amountUsd !== null) {
      query.andWhere('(route.maxTransferUsd IS NULL OR route.maxTransferUsd >= :amountUsd)', { amountUsd });
    }
    if (after) {
      const cursor = decodeRouteCursor(after);
      query.andWhere(
        '(route.expectedDurationSeconds, route.feeUsdMin, route.feeUsdMax, route.id) > (:cursorDuration, :cursorFeeMin, :cursorFeeMax, :cursorId)',
        { cursorDuration: cursor.expectedDurationSeconds, cursorFeeMin: cursor.feeUsdMin, cursorFeeMax: cursor.feeUsdMax, cursorId: cursor.id },
      );
    }
    const rows = await query
      .orderBy('route.expectedDurationSeconds')
      .addOrderBy('route.feeUsdMin')
      .addOrderBy('route.feeUsdMax')
      .addOrderBy('route.id')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeRouteCursor(node), node }));
    return { edges, nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Adds a checked route to an active bridge; a second route for the same direction and token is refused. */
  add(bridgeId: string, route: NewBridgeRoute): Promise<BridgeRouteEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      await lockActiveBridge(manager, bridgeId);
      const clash = await manager
        .getRepository(BridgeRouteEntity)
        .createQueryBuilder('route')
        .where('route.bridgeId = :bridgeId AND route.sourceChainId = :source AND route.destinationChainId = :destination', {
          bridgeId,
          source: route.sourceChainId,
          destination: route.destinationChainId,
        })
        .andWhere('lower(route.tokenSymbol) = lower(:token)', { token: route.tokenSymbol })
        .getOne();
      if (clash) {
        throw new BadUserInputError([
          { field: 'input.tokenSymbol', message: `this bridge already has a ${clash.tokenSymbol} route from that source to that destination` },
        ]);
      }
      const saved = await manager.save(manager.create(BridgeRouteEntity, { ...route, id: randomUUID(), bridgeId }));
      await touchBridge(manager, bridgeId);
      return saved;
    }, UNIQUE_FIELDS);
  }

  /** Applies checked changes to a route of an active bridge; the fees are checked again against the stored ones. */
  update(id: string, changes: BridgeRouteChanges): Promise<BridgeRouteEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const route = await this.findForWrite(manager, id);
      await lockActiveBridge(manager, route.bridgeId);
      Object.assign(route, changes);
      const problems = feeProblems(route, 'input');
      if (problems.length > 0) throw new BadUserInputError(problems);
      const saved = await manager.save(route);
      await touchBridge(manager, route.bridgeId);
      return saved;
    }, UNIQUE_FIELDS);
  }

  /** Removes a route from an active bridge; returns the removed record. */
  remove(id: string): Promise<BridgeRouteEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const route = await this.findForWrite(manager, id);
      await lockActiveBridge(manager, route.bridgeId);
      await manager.delete(BridgeRouteEntity, { id });
      await touchBridge(manager, route.bridgeId);
      return route;
    }, UNIQUE_FIELDS);
  }

  private async findForWrite(manager: EntityManager, id: string): Promise<BridgeRouteEntity> {
    const route = isUuid(id) ? await manager.findOneBy(BridgeRouteEntity, { id }) : null;
    if (!route) throw new NotFoundError('bridge route', id);
    return route;
  }
}
