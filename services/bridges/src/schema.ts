import { buildFederatedSchema, type FederatedSchema } from '@junction/federation';
import { resolveBridgeReference } from './resolvers/bridge.reference';
import { BridgeContractResolver } from './resolvers/bridge-contract.resolver';
import { BridgeHealthResolver } from './resolvers/bridge-health.resolver';
import { BridgeMetricsResolver } from './resolvers/bridge-metrics.resolver';
import { BridgeProbeResolver } from './resolvers/bridge-probe.resolver';
import { BridgeRouteResolver } from './resolvers/bridge-route.resolver';
import { BridgeResolver } from './resolvers/bridge.resolver';
import { ChainBridgesResolver } from './resolvers/chain-bridges.resolver';
import { PartnerBridgesResolver } from './resolvers/partner-bridges.resolver';

/** The bridges subgraph's resolver classes. */
export const resolvers = [
  BridgeResolver,
  BridgeHealthResolver,
  BridgeMetricsResolver,
  BridgeContractResolver,
  BridgeProbeResolver,
  BridgeRouteResolver,
  ChainBridgesResolver,
  PartnerBridgesResolver,
] as const;

/**
 * Builds the bridges subgraph schema. `instances` maps each resolver class to its instance; the SDL can be
 * printed from a schema built with an empty map (resolvers are looked up only when a request runs).
 */
export function buildBridgesSchema(instances: Map<Function, object>): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [...resolvers],
    resolverInstances: instances,
    referenceResolvers: { Bridge: { __resolveReference: resolveBridgeReference } },
  });
}
