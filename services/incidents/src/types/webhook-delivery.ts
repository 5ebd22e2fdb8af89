import { VariesByCaller } from '@junction/federation';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { IncidentEventKind } from './enums';
import { WebhookDeliveryStatus } from './webhook-delivery-status';

/** One incident event sent (or to be sent) to one webhook endpoint. */
@VariesByCaller()
@ObjectType({ description: 'One incident event sent, or to be sent, to a webhook endpoint, with the outcome of its last attempt.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event: also the Junction-Event-Id and Idempotency-Key headers of every attempt.' })
  eventId!: string;

  @Field(() => IncidentEventKind, { description: 'What happened to the incident.' })
  eventKind!: IncidentEventKind;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When the last attempt was made; null before the first.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when there was none (network error, timeout).' })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, in one sentence; null after a success.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due while PENDING; null once DELIVERED or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint answered 2xx.' })
  deliveredAt!: Date | null;

  @Field({ description: 'When the event was queued for this endpoint.' })
  createdAt!: Date;
}
