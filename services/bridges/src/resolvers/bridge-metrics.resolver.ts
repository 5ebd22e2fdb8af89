import { assertMetricRange, MAX_METRIC_POINTS, MAX_METRIC_RANGE_DAYS, MetricSeries, RequiresAccess } from '@junction/federation';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BridgesContext } from '../context';
import type { BridgeEntity } from '../entities/bridge.entity';
import { BRIDGE_METRIC_COLUMNS } from '../metrics/bridge-metric-columns';
import { Bridge } from '../types/bridge';
import { BridgeMetricsArgs } from '../types/bridge-metrics-args';

/** `Bridge.metrics`: the bridge's health history as a time-bucketed series, computed in PostgreSQL. */
@Resolver(() => Bridge)
export class BridgeMetricsResolver {
  @Directive('@cost(weight: 20)')
  @RequiresAccess({ scope: 'metrics:read' })
  @FieldResolver(() => MetricSeries, {
    description:
      `One health metric of the bridge over [from, to) in buckets (avg, min, max, p95, count), from the samples the health sampler stores. ` +
      `At most ${MAX_METRIC_RANGE_DAYS} days and ${MAX_METRIC_POINTS} buckets per request; samples are kept for a limited retention. ` +
      "While a bridge's chains cannot be read no sample is stored, so an outage shows as missing buckets, not as values. Needs a key with the metrics:read scope.",
  })
  async metrics(@Root() bridge: BridgeEntity, @Args() { metric, from, to, bucket }: BridgeMetricsArgs, @Ctx() { loaders }: BridgesContext): Promise<MetricSeries> {
    assertMetricRange({ from, to, bucket });
    const points = await loaders.metricPoints.load({ bridgeId: bridge.id, metric, from, to, bucket });
    return { unit: BRIDGE_METRIC_COLUMNS[metric].unit, bucket, from, to, points };
  }
}
