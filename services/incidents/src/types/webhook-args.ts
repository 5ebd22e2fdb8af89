import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { WebhookDeliveryStatus } from './webhook-delivery-status';

/** The largest `first` of `WebhookEndpoint.deliveries`. */
export const MAX_WEBHOOK_DELIVERIES = 100;
/** The default `first` of `WebhookEndpoint.deliveries`. */
export const DEFAULT_WEBHOOK_DELIVERIES = 20;

/** Arguments of `WebhookEndpoint.deliveries`. */
@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => Int, { defaultValue: DEFAULT_WEBHOOK_DELIVERIES, description: `How many, newest first; 1 to ${MAX_WEBHOOK_DELIVERIES}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_WEBHOOK_DELIVERIES, { message: `first must be at most ${MAX_WEBHOOK_DELIVERIES}` })
  first: number = DEFAULT_WEBHOOK_DELIVERIES;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries with this status.' })
  @IsOptional()
  status?: WebhookDeliveryStatus | null;
}
