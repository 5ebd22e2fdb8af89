import { IncidentAcknowledgementEntity } from './incident-acknowledgement.entity';
import { IncidentBridgeEntity } from './incident-bridge.entity';
import { IncidentChainEntity } from './incident-chain.entity';
import { IncidentPartnerEntity } from './incident-partner.entity';
import { IncidentUpdateEntity } from './incident-update.entity';
import { IncidentEventEntity } from './incident-event.entity';
import { IncidentEntity } from './incident.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

/** The incidents service's entities: what its DataSource maps, for the service and the reseal-webhook-secrets command alike. */
export const entities = [
  IncidentEntity,
  IncidentChainEntity,
  IncidentBridgeEntity,
  IncidentPartnerEntity,
  IncidentUpdateEntity,
  IncidentAcknowledgementEntity,
  IncidentEventEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
];
