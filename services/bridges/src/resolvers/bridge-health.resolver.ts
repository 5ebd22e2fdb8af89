import { MAX_HEALTH_CONTRACTS } from '../health/bridge-health-snapshot';
import { UpstreamUnavailableError } from '@junction/errors';
import { reportPartialFailure } from '@junction/federation';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { BridgeHealthReader } from '../health/bridge-health-reader';
import type { ChainEndpoints } from '../health/chain-endpoint-directory';
import { Bridge } from '../types/bridge';
import { BridgeHealth } from '../types/bridge-health';


/** `Bridge.health`: live health read from the bridge's contracts through the shared cache. */
@Resolver(() => Bridge)
export class BridgeHealthResolver {
  constructor(private readonly reader: BridgeHealthReader) {}

  @Directive('@cost(weight: 10)')
  @FieldResolver(() => BridgeHealth, {
    description: `Live health read from the bridge's contracts (paused(), escrow balances, probes; cached about one block of its slowest chain). When no chain can be read, the last known values come back with stale: true and an UPSTREAM_UNAVAILABLE error. Reads the first ${MAX_HEALTH_CONTRACTS} contracts by label.`,
  })
  async health(@Root() bridge: BridgeEntity, @Ctx() context: BridgesContext, @Info() info: GraphQLResolveInfo): Promise<BridgeHealth> {
    const { loaders } = context;
    const [contracts, probes] = await Promise.all([loaders.contractsByBridgeId(MAX_HEALTH_CONTRACTS).load(bridge.id), loaders.probesByBridgeId.load(bridge.id)]);
    const chainIds = [...new Set([...contracts, ...probes].map((item) => item.chainId))];
    const found = await loaders.chainEndpointsById.loadMany(chainIds);
    const failure = found.find((chain): chain is Error => chain instanceof Error);
    const chains = failure ?? new Map(chainIds.map((id, index) => [id, found[index] as ChainEndpoints | null]));

    const { snapshot, observedAt, stale, error } = await this.reader.read({ bridgeId: bridge.id, contracts, probes, chains });
    if (error) reportPartialFailure(context, info, new UpstreamUnavailableError(`The on-chain state of ${bridge.name}`, { cause: error }));
    return {
      ...snapshot,
      contracts: snapshot.contracts.map(({ chainId, ...contract }) => ({ ...contract, chain: { id: chainId } })),
      probes: snapshot.probes.map(({ chainId, ...probe }) => ({ ...probe, chain: { id: chainId } })),
      observedAt,
      ageSeconds: Math.max(0, (Date.now() - observedAt.getTime()) / 1000),
      stale,
    };
  }
}
