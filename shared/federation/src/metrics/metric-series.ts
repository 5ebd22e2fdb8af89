import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { MetricBucket } from './metric-bucket';

/** One bucket of a metric series: aggregates of the samples observed in it. */
@Directive('@shareable')
@ObjectType({ description: 'One bucket of a metric series: aggregates of the samples observed in it that have a value for the metric.' })
export class MetricPoint {
  @Field({ description: 'Where the bucket starts (inclusive); it ends where the next bucket of the same width starts.' })
  bucketStart!: Date;

  @Field(() => Float)
  avg!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float, { description: '95th percentile, interpolated between the two nearest samples (percentile_cont).' })
  p95!: number;

  @Field(() => Int, { description: 'Samples in the bucket that have a value for the metric (at least 1).' })
  count!: number;
}

/** A time-bucketed series of one metric over a time range. */
@Directive('@shareable')
@ObjectType({ description: 'A time-bucketed series of one metric over [from, to). Buckets without samples are left out.' })
export class MetricSeries {
  @Field({ description: 'The unit of the values, e.g. `seconds`, `blocks`, `gwei`, `ms`, `endpoints`, `share`.' })
  unit!: string;

  @Field(() => MetricBucket)
  bucket!: MetricBucket;

  @Field({ description: 'Start of the range asked for (inclusive).' })
  from!: Date;

  @Field({ description: 'End of the range asked for (exclusive).' })
  to!: Date;

  @Field(() => [MetricPoint], { description: 'The non-empty buckets, oldest first. The first may start before `from`; it counts only samples from `from` on.' })
  points!: MetricPoint[];
}
