import { buildFederatedSchema, type FederatedSchema } from '@junction/federation';
import { BridgeIncidentsResolver, ChainIncidentsResolver, PartnerIncidentsResolver } from './resolvers/affected-incidents.resolver';
import { IncidentAcknowledgementResolver } from './resolvers/incident-acknowledgement.resolver';
import { IncidentMutationResolver } from './resolvers/incident-mutation.resolver';
import { resolveIncidentReference } from './resolvers/incident.reference';
import { IncidentResolver } from './resolvers/incident.resolver';

/** The incidents subgraph's resolver classes. */
export const resolvers = [
  IncidentResolver,
  IncidentMutationResolver,
  IncidentAcknowledgementResolver,
  ChainIncidentsResolver,
  BridgeIncidentsResolver,
  PartnerIncidentsResolver,
] as const;

/**
 * Builds the incidents subgraph schema. `instances` maps each resolver class to its instance; the SDL can be
 * printed from a schema built with an empty map (resolvers are looked up only when a request runs).
 */
export function buildIncidentsSchema(instances: Map<Function, object>): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [...resolvers],
    resolverInstances: instances,
    referenceResolvers: { Incident: { __resolveReference: resolveIncidentReference } },
  });
}
