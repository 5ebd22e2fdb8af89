import { UpstreamUnavailableError } from '@junction/errors';
import { reportPartialFailure } from '@junction/federation';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ChainsContext } from '../context';
import type { ChainEntity } from '../entities/chain.entity';
import type { ChainHealthReader } from '../health/chain-health-reader';
import { Chain } from '../types/chain';
import { ChainHealth } from '../types/chain-health';

/** `Chain.health`: live health read from the chain through the shared cache. */
@Resolver(() => Chain)
export class ChainHealthResolver {
  constructor(private readonly reader: ChainHealthReader) {}

  @Directive('@cost(weight: 10)')
  @FieldResolver(() => ChainHealth, {
    description:
      "Live health read from the chain, with the chain's contract probes (cached about one block). When the chain cannot be read, the last known values come back with stale: true and an UPSTREAM_UNAVAILABLE error.",
  })
  async health(@Root() chain: ChainEntity, @Ctx() context: ChainsContext, @Info() info: GraphQLResolveInfo): Promise<ChainHealth> {
    const [endpoints, probes] = await Promise.all([context.loaders.rpcEndpointsByChainId.load(chain.id), context.loaders.probesByChainId.load(chain.id)]);
    const { snapshot, observedAt, stale, error } = await this.reader.read(chain, endpoints, probes);
    if (error) reportPartialFailure(context, info, new UpstreamUnavailableError(`The chain ${chain.name}`, { cause: error }));
    return {
      ...snapshot,
      headTimestamp: snapshot.headTimestamp === null ? null : new Date(snapshot.headTimestamp),
      safe: snapshot.safe && { ...snapshot.safe, timestamp: new Date(snapshot.safe.timestamp) },
      finalized: snapshot.finalized && { ...snapshot.finalized, timestamp: new Date(snapshot.finalized.timestamp) },
      sequencer: snapshot.sequencer && { ...snapshot.sequencer, startedAt: new Date(snapshot.sequencer.startedAt) },
      observedAt,
      ageSeconds: Math.max(0, (Date.now() - observedAt.getTime()) / 1000),
      stale,
    };
  }
}
