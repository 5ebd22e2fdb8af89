import { buildFederatedSchema, type FederatedSchema } from '@junction/federation';
import { BridgeIncidentsResolver, ChainIncidentsResolver, PartnerIncidentsResolver } from './resolvers/affected-incidents.resolver';
import type { PubSub } from 'type-graphql';
import { IncidentAcknowledgementResolver } from './resolvers/incident-acknowledgement.resolver';
import { IncidentEventsResolver } from './resolvers/incident-events.resolver';
import { IncidentMutationResolver } from './resolvers/incident-mutation.resolver';
import { resolveIncidentReference } from './resolvers/incident.reference';
import { IncidentResolver } from './resolvers/incident.resolver';
import { PartnerWebhooksResolver } from './resolvers/partner-webhooks.resolver';
import { WebhookDeliveryResolver } from './resolvers/webhook-delivery.resolver';
import { WebhookEndpointResolver } from './resolvers/webhook-endpoint.resolver';

/** The incidents subgraph's resolver classes. */
export const resolvers = [
  IncidentResolver,
  IncidentMutationResolver,
  IncidentAcknowledgementResolver,
  ChainIncidentsResolver,
  BridgeIncidentsResolver,
  PartnerIncidentsResolver,
  IncidentEventsResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  PartnerWebhooksResolver,
] as const;

/**
 * Builds the incidents subgraph schema. `instances` maps each resolver class to its instance; the SDL can be
 * printed from a schema built with an empty map (resolvers are looked up only when a request runs). `pubSub`
 * carries incident events to subscriptions.
 */
export function buildIncidentsSchema(instances: Map<Function, object>, pubSub: PubSub): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [...resolvers],
    resolverInstances: instances,
    pubSub,
    referenceResolvers: { Incident: { __resolveReference: resolveIncidentReference } },
  });
}
