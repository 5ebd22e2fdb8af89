import type { IncidentEventMessage } from '@junction/events';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { IncidentEventEntity } from '../entities/incident-event.entity';
import { WebhookDeliveryEntity, type WebhookDeliveryStatusValue } from '../entities/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import { SecretBoxError, type SecretBox } from '../webhooks/secret-box';
import { webhookAudience } from '../webhooks/webhook-audience';

/** A delivery a dispatcher has claimed: what it needs to make one attempt. */
export interface ClaimedDelivery {
  /** The delivery. */
  id: string;
  /** Proves the claim is still this dispatcher's when it records the outcome. */
  leaseToken: string;
  /** Attempts made before this one. */
  attempts: number;
  /** Where to POST. */
  url: string;
  /**
   * What the attempt is signed with, opened: the endpoint's signing secret at claim time, then the one its last
   * rotation replaced if that has not expired by then.
   */
  signingSecrets: string[];
  /** The event to send. */
  event: IncidentEventEntity;
}

/** The outcome of one attempt, as the dispatcher records it. */
export interface DeliveryAttemptResult {
  /** DELIVERED, PENDING (to retry at `nextAttemptAt`) or FAILED (no attempt left). */
  status: WebhookDeliveryStatusValue;
  /** When the attempt was made. */
  attemptedAt: Date;
  /** The HTTP status answered, if any. */
  statusCode: number | null;
  /** Why it failed, in one sentence; null on success. */
  error: string | null;
  /** When to retry (PENDING only). */
  nextAttemptAt: Date | null;
}

/** Parameters of {@link WebhookOutbox.claimDue}. */
export interface ClaimDueParameters {
  /** The most deliveries to claim. */
  limit: number;
  /** How long the claim lasts; past it another dispatcher may claim the delivery again (this one crashed). */
  leaseMs: number;
  /** The dispatcher's clock. */
  now: Date;
}

/** What {@link WebhookOutbox.claimDue} returns. */
export interface ClaimDueResult {
  /** The deliveries claimed, to send now. */
  deliveries: ClaimedDelivery[];
  /**
   * When the earliest PENDING delivery left unclaimed falls due (at or before `now` when more were due than
   * `limit`), or null when none is left. Rows another dispatcher was claiming at that moment are not seen.
   */
  nextDueAt: Date | null;
  /**
   * Why claimed deliveries were left unsent: their endpoint's signing secret did not open (its encryption key is not
   * configured: an operator's mistake, not the receiver's). No attempt is counted; each is claimed again once its
   * lease runs out.
   */
  signingErrors: SecretBoxError[];
}

/**
 * The webhook outbox: deliveries are queued in the transaction that records their event, claimed by dispatchers
 * with `FOR UPDATE SKIP LOCKED` (so replicas never claim the same delivery at once) under a time-limited lease, and
 * their attempts recorded. Only the dispatcher and the event log's same-transaction handler use it.
 */
export class WebhookOutbox {
  /** @param secretBox - Opens the endpoints' sealed signing secrets. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  /**
   * Queues one PENDING delivery of `event` per enabled endpoint that subscribes to its kind and whose partner is in
   * its audience ({@link webhookAudience}), inside the caller's transaction. Returns how many were queued. The
   * endpoints are read `FOR KEY SHARE`, so an endpoint deleted concurrently is either skipped or deleted after this
   * commits (taking its new delivery with it), never a foreign-key failure of the incident change.
   */
  async enqueue(manager: EntityManager, event: IncidentEventMessage): Promise<number> {
    const partnerIds = webhookAudience(event);
    if (partnerIds.length === 0) return 0;
    const endpoints = await manager
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('endpoint')
      .select(['endpoint.id'])
      .where('endpoint.partnerId IN (:...partnerIds)', { partnerIds })
      .andWhere('endpoint.enabled')
      .andWhere('(endpoint.eventKinds IS NULL OR :kind = ANY(endpoint.eventKinds))', { kind: event.kind })
      .setLock('for_key_share')
      .getMany();
    if (endpoints.length === 0) return 0;
    const now = new Date();
    await manager.insert(
      WebhookDeliveryEntity,
      endpoints.map((endpoint) => ({
        id: randomUUID(),
        endpointId: endpoint.id,
        eventId: event.id,
        eventKind: event.kind,
        status: 'PENDING' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    return endpoints.length;
  }

  /**
   * Claims up to `limit` due PENDING deliveries of enabled endpoints, oldest due first: locks them `FOR UPDATE SKIP
   * LOCKED` (rows another dispatcher is claiming are skipped, not waited for), and moves their `nextAttemptAt` to the
   * end of a lease. The claim commits before anything is sent, so no transaction stays open across HTTP calls. The
   * same SELECT reads one row more than it claims, which says when the dispatcher has to look again
   * ({@link ClaimDueResult.nextDueAt}).
   */
  async claimDue({ limit, leaseMs, now }: ClaimDueParameters): Promise<ClaimDueResult> {
    const { claimed, nextDueAt } = await this.dataSource.transaction(async (manager) => {
      // Ordered by due time, so the due rows come first and the first row left over is the next one to fall due
      // (a retry's time, or the end of a claim's lease: a claimed delivery stays PENDING until its attempt is recorded).
      const pending = await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('delivery')
        .innerJoin(WebhookEndpointEntity, 'endpoint', 'endpoint.id = delivery.endpointId')
        .where('delivery.status = :pending', { pending: 'PENDING' })
        .andWhere('endpoint.enabled')
        .orderBy('delivery.nextAttemptAt', 'ASC')
        .limit(limit + 1)
        .setLock('pessimistic_write', undefined, ['delivery'])
        .setOnLocked('skip_locked')
        .getMany();
      const due = pending.filter((delivery) => delivery.nextAttemptAt !== null && delivery.nextAttemptAt <= now).slice(0, limit);
      const nextDueAt = pending[due.length]?.nextAttemptAt ?? null;
      if (due.length === 0) return { claimed: [], nextDueAt };
      const leaseToken = randomUUID();
      await manager.update(WebhookDeliveryEntity, { id: In(due.map((delivery) => delivery.id)) }, { leaseToken, nextAttemptAt: new Date(now.getTime() + leaseMs) });
      return { claimed: due.map((delivery) => ({ ...delivery, leaseToken })), nextDueAt };
    });
    if (claimed.length === 0) return { deliveries: [], nextDueAt, signingErrors: [] };
    const endpoints = await this.dataSource.getRepository(WebhookEndpointEntity).findBy({ id: In([...new Set(claimed.map((delivery) => delivery.endpointId))]) });
    const events = await this.dataSource.getRepository(IncidentEventEntity).findBy({ id: In([...new Set(claimed.map((delivery) => delivery.eventId))]) });
    const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    const eventById = new Map(events.map((event) => [event.id, event]));
    const deliveries: ClaimedDelivery[] = [];
    const signingErrors: SecretBoxError[] = [];
    for (const delivery of claimed) {
      const endpoint = endpointById.get(delivery.endpointId);
      const event = eventById.get(delivery.eventId);
      // Deleted since the claim (with its endpoint or incident): nothing to send.
      if (!endpoint || !event) continue;
      // A rotation keeps the old secret signing for a while, until the partner's receiver has the new one.
      const sealedSecrets = [endpoint.sealedSigningSecret];
      if (endpoint.sealedPreviousSigningSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) sealedSecrets.push(endpoint.sealedPreviousSigningSecret);
      try {
        const signingSecrets = sealedSecrets.map((sealed) => this.secretBox.open(sealed));
        deliveries.push({ id: delivery.id, leaseToken: delivery.leaseToken, attempts: delivery.attempts, url: endpoint.url, signingSecrets, event });
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        signingErrors.push(error);
      }
    }
    return { deliveries, nextDueAt, signingErrors };
  }

  /** Records the outcome of an attempt, if the claim is still this dispatcher's; false when it is not (any more). */
  async recordAttempt(claim: ClaimedDelivery, result: DeliveryAttemptResult): Promise<boolean> {
    const { affected } = await this.dataSource.getRepository(WebhookDeliveryEntity).update(
      { id: claim.id, leaseToken: claim.leaseToken },
      {
        status: result.status,
        attempts: claim.attempts + 1,
        leaseToken: null,
        lastAttemptAt: result.attemptedAt,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        nextAttemptAt: result.status === 'PENDING' ? result.nextAttemptAt : null,
        deliveredAt: result.status === 'DELIVERED' ? result.attemptedAt : null,
      },
    );
    return (affected ?? 0) > 0;
  }

  /** Gives a claimed delivery back, due now and without counting an attempt (the dispatcher is shutting down). */
  async release(claim: ClaimedDelivery): Promise<void> {
    await this.dataSource.getRepository(WebhookDeliveryEntity).update({ id: claim.id, leaseToken: claim.leaseToken }, { leaseToken: null, nextAttemptAt: new Date() });
  }

  /** How many deliveries are PENDING and how many FAILED. One query. */
  async countOpen(): Promise<Record<'PENDING' | 'FAILED', number>> {
    const rows: Array<{ status: 'PENDING' | 'FAILED'; count: string | number }> = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .select('delivery.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('delivery.status IN (:...statuses)', { statuses: ['PENDING', 'FAILED'] })
      .groupBy('delivery.status')
      .getRawMany();
    const counts = { PENDING: 0, FAILED: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}
