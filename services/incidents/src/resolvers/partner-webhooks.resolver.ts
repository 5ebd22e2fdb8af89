import { RequiresAccess } from '@junction/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import { PartnerReference } from '../types/partner-reference';
import { WebhookEndpoint } from '../types/webhook-endpoint';

/**
 * Declares `Partner.webhookEndpoints` on the partners subgraph's entity: the partner's endpoints if the caller is
 * that partner or an operator, an empty list for another partner (restricted in SQL). It needs a key (`@authenticated`).
 */
@Resolver(() => PartnerReference)
export class PartnerWebhooksResolver {
  @RequiresAccess()
  @FieldResolver(() => [WebhookEndpoint], {
    nullable: true,
    description: "The partner's webhook endpoints, oldest first. Private: the partner itself and operators see them; anyone else an empty list.",
  })
  webhookEndpoints(@Root() partner: { id: string }, @Ctx() { loaders }: IncidentsContext): Promise<WebhookEndpointEntity[]> {
    return loaders.webhookEndpointsByPartnerId.load(partner.id);
  }
}
