import { assertMetricRange, MAX_METRIC_POINTS, MAX_METRIC_RANGE_DAYS, MetricSeries, RequiresAccess } from '@junction/federation';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChainsContext } from '../context';
import type { ChainEntity } from '../entities/chain.entity';
import { CHAIN_METRIC_COLUMNS } from '../metrics/chain-metric-columns';
import { Chain } from '../types/chain';
import { ChainMetricsArgs } from '../types/chain-metrics-args';

/** `Chain.metrics`: the chain's health history as a time-bucketed series, computed in PostgreSQL. */
@Resolver(() => Chain)
export class ChainMetricsResolver {
  @Directive('@cost(weight: 20)')
  @RequiresAccess({ scope: 'metrics:read' })
  @FieldResolver(() => MetricSeries, {
    description:
      `One health metric of the chain over [from, to) in buckets (avg, min, max, p95, count), from the samples the health sampler stores. ` +
      `At most ${MAX_METRIC_RANGE_DAYS} days and ${MAX_METRIC_POINTS} buckets per request; samples are kept for a limited retention. ` +
      'While a chain cannot be read no sample is stored, so an outage shows as missing buckets, not as values. Needs a key with the metrics:read scope.',
  })
  async metrics(@Root() chain: ChainEntity, @Args() { metric, from, to, bucket }: ChainMetricsArgs, @Ctx() { loaders }: ChainsContext): Promise<MetricSeries> {
    assertMetricRange({ from, to, bucket });
    const points = await loaders.metricPoints.load({ chainId: chain.id, metric, from, to, bucket });
    return { unit: CHAIN_METRIC_COLUMNS[metric].unit, bucket, from, to, points };
  }
}
