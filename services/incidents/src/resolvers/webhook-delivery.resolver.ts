import { RequiresAccess } from '@junction/federation';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import type { WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository';
import { WebhookDelivery } from '../types/webhook-delivery';

/** Redelivery of failed webhook deliveries, by the endpoint's partner or an operator. */
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryRepository) {}

  @RequiresAccess()
  @Mutation(() => WebhookDelivery, {
    description:
      "Puts a FAILED delivery back to PENDING, due now, with a fresh round of attempts. A partner key redelivers only its own partner's deliveries; operators any.",
  })
  redeliverWebhookDelivery(@Ctx() { principal }: IncidentsContext, @Arg('id', () => ID) id: string): Promise<WebhookDeliveryEntity> {
    return this.deliveries.redeliver(id, principal);
  }
}
