import { isUuid } from '@junction/db';
import { ConflictError, NotFoundError } from '@junction/errors';
import type { Principal } from '@junction/federation';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import type { WebhookDeliveryStatus } from '../types/webhook-delivery-status';
import { whereOwnedBy } from './webhook-owner-scope';

/** One endpoint whose recent deliveries `WebhookEndpoint.deliveries` asks for. */
export interface RecentDeliveriesKey {
  /** The endpoint (already checked to be visible to the caller). */
  endpointId: string;
  /** How many at most, newest first. */
  first: number;
  /** Only this status; null for every status. */
  status: WebhookDeliveryStatus | null;
}

/** Reads deliveries for the API, and puts failed ones back in the outbox. The dispatcher uses {@link WebhookOutbox}. */
export class WebhookDeliveryRepository {
  /** @param onQueued - Told after a commit that made a delivery due (to wake the dispatcher). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly onQueued: () => void = () => {},
  ) {}

  /**
   * Each endpoint's most recent deliveries, newest first, at most `first` each (a window function bounds them in
   * SQL), one list per key. One query per distinct (`first`, `status`) among the keys, usually one.
   */
  async findRecent(keys: readonly RecentDeliveriesKey[]): Promise<WebhookDeliveryEntity[][]> {
    const groups = new Map<string, RecentDeliveriesKey[]>();
    for (const key of keys) {
      const group = `${key.first}|${key.status ?? ''}`;
      const members = groups.get(group);
      if (members) members.push(key);
      else groups.set(group, [key]);
    }
    const found = new Map<string, WebhookDeliveryEntity[]>();
    for (const [group, members] of groups) {
      const { first, status } = members[0];
      const endpointIds = [...new Set(members.map((key) => key.endpointId).filter(isUuid))];
      if (endpointIds.length === 0) continue;
      const rows = await this.dataSource
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('delivery')
        .innerJoin(
          (ranked: SelectQueryBuilder<object>) => {
            ranked
              .from(WebhookDeliveryEntity, 'ranked')
              .select('ranked.id', 'id')
              .addSelect('ROW_NUMBER() OVER (PARTITION BY ranked.endpoint_id ORDER BY ranked.created_at DESC, ranked.id DESC)', 'position')
              .where('ranked.endpoint_id IN (:...endpointIds)');
            return status ? ranked.andWhere('ranked.status = :status') : ranked;
          },
          'bounded',
          'bounded.id = delivery.id AND bounded.position <= :first',
        )
        .setParameters({ endpointIds, status, first })
        .orderBy('delivery.createdAt', 'DESC')
        .addOrderBy('delivery.id', 'DESC')
        .getMany();
      for (const row of rows) {
        const endpointRows = found.get(`${group}|${row.endpointId}`);
        if (endpointRows) endpointRows.push(row);
        else found.set(`${group}|${row.endpointId}`, [row]);
      }
    }
    return keys.map((key) => found.get(`${key.first}|${key.status ?? ''}|${key.endpointId}`) ?? []);
  }

  /**
   * Puts a FAILED delivery of an endpoint `principal` owns back to PENDING, due now, with a fresh round of attempts
   * (its last status code and error stay until the next attempt). Another partner's delivery is NOT_FOUND; one that
   * is not FAILED is a CONFLICT.
   */
  async redeliver(id: string, principal: Principal): Promise<WebhookDeliveryEntity> {
    const delivery = await this.dataSource.transaction(async (manager) => {
      const query = manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('delivery')
        .innerJoin(WebhookEndpointEntity, 'endpoint', 'endpoint.id = delivery.endpointId')
        .where('delivery.id = :id', { id })
        .setLock('pessimistic_write', undefined, ['delivery']);
      const found = isUuid(id) ? await whereOwnedBy(query, principal, 'endpoint').getOne() : null;
      if (!found) throw new NotFoundError('webhook delivery', id);
      if (found.status !== 'FAILED') {
        throw new ConflictError(`Webhook delivery "${id}" is ${found.status}; only FAILED deliveries can be redelivered.`, { status: found.status });
      }
      Object.assign(found, { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), leaseToken: null });
      return manager.save(found);
    });
    this.onQueued();
    return delivery;
  }
}
