import type { IncidentEventKind } from '@junction/events';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a delivery stands: waiting (or retrying), done, or given up after its last attempt. */
export type WebhookDeliveryStatusValue = 'PENDING' | 'DELIVERED' | 'FAILED';

/**
 * One incident event to send to one webhook endpoint: the durable outbox row, inserted in the transaction that
 * recorded the event, so a delivery exists exactly when its change committed. At most one per endpoint and event.
 */
@Entity({ name: 'webhook_delivery' })
@Index(['endpointId', 'eventId'], { unique: true })
@Index(['endpointId', 'createdAt'])
@Index(['status', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'endpoint_id' })
  endpointId!: string;

  @Index()
  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  /** The event's kind, copied from the event (it never changes). */
  @Column('varchar', { name: 'event_kind', length: 16 })
  eventKind!: IncidentEventKind;

  @Column('varchar', { length: 16 })
  status!: WebhookDeliveryStatusValue;

  /** Attempts made so far. */
  @Column('int')
  attempts!: number;

  /** When the next attempt is due (while PENDING; a claimed delivery's lease ends then); null once done. */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** Set while a dispatcher holds the delivery, so only that dispatcher records the attempt's outcome. */
  @Column('uuid', { name: 'lease_token', nullable: true })
  leaseToken!: string | null;

  @Column('timestamptz', { name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  /** The HTTP status of the last answer; null when there was none (network error, timeout). */
  @Column('int', { name: 'last_status_code', nullable: true })
  lastStatusCode!: number | null;

  /** One sentence on why the last attempt failed; null after a success. */
  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
