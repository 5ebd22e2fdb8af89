import { ArgsType, Field } from 'type-graphql';
import { MetricBucket } from '@junction/federation';
import { BridgeMetric } from './bridge-metric';

/** Arguments of `Bridge.metrics`. */
@ArgsType()
export class BridgeMetricsArgs {
  @Field(() => BridgeMetric)
  metric!: BridgeMetric;

  @Field({ description: 'Start of the range (inclusive).' })
  from!: Date;

  @Field({ description: 'End of the range (exclusive); at most 31 days after `from`.' })
  to!: Date;

  @Field(() => MetricBucket, { description: 'Width of one point; the range may span at most 1000 buckets.' })
  bucket!: MetricBucket;
}
