import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
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

/** The longest `keepPreviousForHours` of `rotateWebhookSecret`: a week. */
export const MAX_PREVIOUS_SECRET_HOURS = 168;
/** The default `keepPreviousForHours` of `rotateWebhookSecret`. */
export const DEFAULT_PREVIOUS_SECRET_HOURS = 24;

/** Arguments of `rotateWebhookSecret`. */
@ArgsType()
export class RotateWebhookSecretArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    defaultValue: DEFAULT_PREVIOUS_SECRET_HOURS,
    description: `How long deliveries are also signed with the old secret, 0 to ${MAX_PREVIOUS_SECRET_HOURS} hours; 0 stops it at once (for a leaked secret).`,
  })
  @Min(0, { message: 'keepPreviousForHours must be at least 0' })
  @Max(MAX_PREVIOUS_SECRET_HOURS, { message: `keepPreviousForHours must be at most ${MAX_PREVIOUS_SECRET_HOURS} (a week)` })
  keepPreviousForHours: number = DEFAULT_PREVIOUS_SECRET_HOURS;
}
