import { buildFederatedSchema, type FederatedSchema } from '@junction/federation';
import { resolveChainReference } from './resolvers/chain.reference';
import { ChainHealthResolver } from './resolvers/chain-health.resolver';
import { ChainMetricsResolver } from './resolvers/chain-metrics.resolver';
import { ChainProbeResolver } from './resolvers/chain-probe.resolver';
import { ChainResolver } from './resolvers/chain.resolver';
import { RpcEndpointResolver } from './resolvers/rpc-endpoint.resolver';

/** The chains subgraph's resolver classes. */
export const resolvers = [ChainResolver, ChainHealthResolver, ChainMetricsResolver, RpcEndpointResolver, ChainProbeResolver] as const;

/**
 * Builds the chains subgraph schema. `instances` maps each resolver class to its instance; the SDL can be
 * printed from a schema built with an empty map (resolvers are looked up only when a request runs).
 */
export function buildChainsSchema(instances: Map<Function, object>): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [...resolvers],
    resolverInstances: instances,
    referenceResolvers: { Chain: { __resolveReference: resolveChainReference } },
  });
}
