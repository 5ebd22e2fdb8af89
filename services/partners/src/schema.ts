import { buildFederatedSchema, type FederatedSchema } from '@junction/federation';
import { ApiKeyPrincipalResolver } from './resolvers/api-key-principal.resolver';
import { ApiKeyResolver } from './resolvers/api-key.resolver';
import { BridgeOwnersResolver } from './resolvers/bridge-owners.resolver';
import { ChainOwnersResolver } from './resolvers/chain-owners.resolver';
import { resolveComponentOwnershipReference } from './resolvers/component-ownership.reference';
import { ComponentOwnershipResolver } from './resolvers/component-ownership.resolver';
import { resolvePartnerAgreementReference } from './resolvers/partner-agreement.reference';
import { PartnerAgreementResolver } from './resolvers/partner-agreement.resolver';
import { resolvePartnerContactReference } from './resolvers/partner-contact.reference';
import { PartnerContactResolver } from './resolvers/partner-contact.resolver';
import { resolvePartnerReference } from './resolvers/partner.reference';
import { PartnerResolver } from './resolvers/partner.resolver';
import { resolveRolloutPlanReference } from './resolvers/rollout-plan.reference';
import { RolloutPlanResolver } from './resolvers/rollout-plan.resolver';

/** The partners subgraph's resolver classes. */
export const resolvers = [
  PartnerResolver,
  PartnerContactResolver,
  PartnerAgreementResolver,
  ComponentOwnershipResolver,
  RolloutPlanResolver,
  ChainOwnersResolver,
  BridgeOwnersResolver,
  ApiKeyResolver,
  ApiKeyPrincipalResolver,
] as const;

/**
 * Builds the partners subgraph schema. `instances` maps each resolver class to its instance; the SDL can be
 * printed from a schema built with an empty map (resolvers are looked up only when a request runs).
 */
export function buildPartnersSchema(instances: Map<Function, object>): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [...resolvers],
    resolverInstances: instances,
    referenceResolvers: {
      Partner: { __resolveReference: resolvePartnerReference },
      PartnerContact: { __resolveReference: resolvePartnerContactReference },
      PartnerAgreement: { __resolveReference: resolvePartnerAgreementReference },
      ComponentOwnership: { __resolveReference: resolveComponentOwnershipReference },
      RolloutPlan: { __resolveReference: resolveRolloutPlanReference },
    },
  });
}
