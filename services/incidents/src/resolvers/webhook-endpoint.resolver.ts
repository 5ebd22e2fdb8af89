import { INCIDENT_EVENT_KINDS } from '@junction/events';
import { RequiresAccess } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { IncidentsContext } from '../context';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import type { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import type { WebhookEndpointRepository, WebhookEndpointWithSecretRecord } from '../repositories/webhook-endpoint.repository';
import { IncidentEventKind } from '../types/enums';
import { PartnerReference } from '../types/partner-reference';
import { RotateWebhookSecretArgs, WebhookDeliveriesArgs } from '../types/webhook-args';
import { WebhookDelivery } from '../types/webhook-delivery';
import { WebhookEndpoint } from '../types/webhook-endpoint';
import { WebhookEndpointWithSecret } from '../types/webhook-endpoint-with-secret';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from '../types/webhook-inputs';

const OWNERS_ONLY = "A partner key sees and manages only its own partner's endpoints; operators any.";

/**
 * Partners' webhook endpoints: a partner key manages its own partner's, operators and admins anyone's. Another
 * partner's endpoint is NOT_FOUND and another partner's list is empty — the repository restricts every statement
 * to what the caller owns.
 */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  @RequiresAccess()
  @Query(() => [WebhookEndpoint], { description: `A partner's webhook endpoints, oldest first. ${OWNERS_ONLY}` })
  webhookEndpoints(@Ctx() { loaders }: IncidentsContext, @Arg('partnerId', () => ID) partnerId: string): Promise<WebhookEndpointEntity[]> {
    return loaders.webhookEndpointsByPartnerId.load(partnerId);
  }

  @RequiresAccess()
  @Mutation(() => WebhookEndpointWithSecret, {
    description: `Adds a webhook endpoint to a partner and returns its signing secret, this once. ${OWNERS_ONLY}`,
  })
  createWebhookEndpoint(
    @Ctx() { principal }: IncidentsContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecretRecord> {
    return this.endpoints.create(partnerId, input, principal);
  }

  @RequiresAccess()
  @Mutation(() => WebhookEndpoint, { description: `Changes a webhook endpoint; omitted fields keep their value. ${OWNERS_ONLY}` })
  async updateWebhookEndpoint(
    @Ctx() { principal, loaders }: IncidentsContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.update(id, input, principal);
    loaders.webhookEndpointsByPartnerId.clear(endpoint.partnerId);
    return endpoint;
  }

  @RequiresAccess()
  @Mutation(() => WebhookEndpoint, {
    description: `Deletes a webhook endpoint and its deliveries (pending ones are never sent); returns what was deleted. ${OWNERS_ONLY}`,
  })
  async deleteWebhookEndpoint(@Ctx() { principal, loaders }: IncidentsContext, @Arg('id', () => ID) id: string): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.delete(id, principal);
    loaders.webhookEndpointsByPartnerId.clear(endpoint.partnerId);
    return endpoint;
  }

  @RequiresAccess()
  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      "Replaces a webhook endpoint's signing secret and returns the new one, this once. Until keepPreviousForHours have " +
      'passed (endpoint.previousSecretExpiresAt), deliveries are signed with both secrets, so a receiver that still has the old ' +
      `one keeps accepting them; 0 stops the old one at once (for a leaked secret). ${OWNERS_ONLY}`,
  })
  rotateWebhookSecret(@Ctx() { principal }: IncidentsContext, @Args() { id, keepPreviousForHours }: RotateWebhookSecretArgs): Promise<WebhookEndpointWithSecretRecord> {
    return this.endpoints.rotateSecret(id, keepPreviousForHours, principal);
  }

  @FieldResolver(() => PartnerReference, { description: 'The partner that owns the endpoint.' })
  partner(@Root() endpoint: WebhookEndpointEntity): PartnerReference {
    return { id: endpoint.partnerId };
  }

  @FieldResolver(() => [IncidentEventKind], { description: 'The event kinds delivered; every kind (including kinds added later) unless a list was given.' })
  eventKinds(@Root() endpoint: WebhookEndpointEntity): readonly string[] {
    return endpoint.eventKinds ?? INCIDENT_EVENT_KINDS;
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @FieldResolver(() => [WebhookDelivery], { description: 'Its most recent deliveries, newest first.' })
  deliveries(@Root() endpoint: WebhookEndpointEntity, @Args() { first, status }: WebhookDeliveriesArgs, @Ctx() { loaders }: IncidentsContext): Promise<WebhookDeliveryEntity[]> {
    return loaders.recentWebhookDeliveries.load({ endpointId: endpoint.id, first, status: status ?? null });
  }
}
