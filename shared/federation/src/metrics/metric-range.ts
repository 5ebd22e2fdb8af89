import { BadUserInputError, type FieldError } from '@junction/errors';
import { METRIC_BUCKET_SECONDS, type MetricBucket } from './metric-bucket';

/** The longest range one metrics request may cover, in days. */
export const MAX_METRIC_RANGE_DAYS = 31;

/** The most buckets one metrics request may span: `(to - from) / bucket`, rounded up. */
export const MAX_METRIC_POINTS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A metrics request's time range and bucket. */
export interface MetricRange {
  /** Start, inclusive. */
  from: Date;
  /** End, exclusive. */
  to: Date;
  /** Width of one point. */
  bucket: MetricBucket;
}

/**
 * Refuses a range that is empty or backwards, longer than {@link MAX_METRIC_RANGE_DAYS}, or spanning more than
 * {@link MAX_METRIC_POINTS} buckets, with one `BAD_USER_INPUT` error naming every offending argument.
 */
export function assertMetricRange({ from, to, bucket }: MetricRange): void {
  const problems: FieldError[] = [];
  const spanMs = to.getTime() - from.getTime();
  if (spanMs <= 0) {
    problems.push({ field: 'to', message: 'must be after from' });
  } else {
    if (spanMs > MAX_METRIC_RANGE_DAYS * DAY_MS) {
      problems.push({ field: 'to', message: `must be at most ${MAX_METRIC_RANGE_DAYS} days after from; ask for a longer history in several requests` });
    }
    const buckets = Math.ceil(spanMs / (METRIC_BUCKET_SECONDS[bucket] * 1000));
    if (buckets > MAX_METRIC_POINTS) {
      problems.push({
        field: 'bucket',
        message: `${bucket} gives ${buckets} buckets over this range, more than ${MAX_METRIC_POINTS}; choose a wider bucket or a shorter range`,
      });
    }
  }
  if (problems.length > 0) throw new BadUserInputError(problems);
}
