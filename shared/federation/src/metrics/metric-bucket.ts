import { registerEnumType } from 'type-graphql';

/** The width of one point of a metric series. */
export enum MetricBucket {
  ONE_MINUTE = 'ONE_MINUTE',
  FIVE_MINUTES = 'FIVE_MINUTES',
  FIFTEEN_MINUTES = 'FIFTEEN_MINUTES',
  ONE_HOUR = 'ONE_HOUR',
  SIX_HOURS = 'SIX_HOURS',
  ONE_DAY = 'ONE_DAY',
}

registerEnumType(MetricBucket, {
  name: 'MetricBucket',
  description: 'The width of one point of a metric series. Buckets start at whole multiples of their width since 1970-01-01T00:00:00Z (days at 00:00 UTC).',
});

/** Seconds in each bucket. */
export const METRIC_BUCKET_SECONDS: Readonly<Record<MetricBucket, number>> = {
  [MetricBucket.ONE_MINUTE]: 60,
  [MetricBucket.FIVE_MINUTES]: 5 * 60,
  [MetricBucket.FIFTEEN_MINUTES]: 15 * 60,
  [MetricBucket.ONE_HOUR]: 60 * 60,
  [MetricBucket.SIX_HOURS]: 6 * 60 * 60,
  [MetricBucket.ONE_DAY]: 24 * 60 * 60,
};
