import { BadUserInputError, ErrorCode } from '@junction/errors';
import { MetricBucket } from '../src/metrics/metric-bucket';
import { assertMetricRange, type MetricRange } from '../src/metrics/metric-range';

// The range check behind `Chain.metrics` and `Bridge.metrics`; each subgraph's tests keep one case through GraphQL.

const t0 = Date.UTC(2026, 0, 1);
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const DAY = 86_400;
const TOO_LONG = 'must be at most 31 days after from; ask for a longer history in several requests';

/** What `assertMetricRange` threw for `range`: its message, code and field errors; null when it accepted the range. */
function refusal(range: MetricRange): { message: string; code: ErrorCode; fieldErrors: unknown } | null {
  try {
    assertMetricRange(range);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const { message, code, fieldErrors } = error as BadUserInputError;
    return { message, code, fieldErrors };
  }
}

describe('assertMetricRange', () => {
  it.each([
    ['an empty range', { from: at(0), to: at(0), bucket: MetricBucket.ONE_MINUTE }, 'Invalid to: must be after from', [{ field: 'to', message: 'must be after from' }]],
    ['a backwards range', { from: at(60), to: at(0), bucket: MetricBucket.ONE_MINUTE }, 'Invalid to: must be after from', [{ field: 'to', message: 'must be after from' }]],
    ['a range longer than 31 days', { from: at(0), to: at(31 * DAY + 1), bucket: MetricBucket.ONE_DAY }, `Invalid to: ${TOO_LONG}`, [{ field: 'to', message: TOO_LONG }]],
    [
      'more than 1000 buckets',
      { from: at(0), to: at(1001 * 60), bucket: MetricBucket.ONE_MINUTE },
      'Invalid bucket: ONE_MINUTE gives 1001 buckets over this range, more than 1000; choose a wider bucket or a shorter range',
      [{ field: 'bucket', message: 'ONE_MINUTE gives 1001 buckets over this range, more than 1000; choose a wider bucket or a shorter range' }],
    ],
    [
      'a partial bucket past 1000 (buckets round up)',
      { from: at(0), to: at(1000 * 60 + 1), bucket: MetricBucket.ONE_MINUTE },
      'Invalid bucket: ONE_MINUTE gives 1001 buckets over this range, more than 1000; choose a wider bucket or a shorter range',
      [{ field: 'bucket', message: 'ONE_MINUTE gives 1001 buckets over this range, more than 1000; choose a wider bucket or a shorter range' }],
    ],
    [
      'both a range too long and too many buckets',
      { from: at(0), to: at(40 * DAY), bucket: MetricBucket.FIVE_MINUTES },
      'The input has 2 invalid fields: to, bucket.',
      [
        { field: 'to', message: TOO_LONG },
        { field: 'bucket', message: 'FIVE_MINUTES gives 11520 buckets over this range, more than 1000; choose a wider bucket or a shorter range' },
      ],
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', (_case, range, message, fieldErrors) => {
    expect(refusal(range)).toEqual({ message, code: ErrorCode.BAD_USER_INPUT, fieldErrors });
  });

  it.each([
    ['exactly 1000 buckets', { from: at(0), to: at(1000 * 60), bucket: MetricBucket.ONE_MINUTE }],
    ['exactly 31 days', { from: at(0), to: at(31 * DAY), bucket: MetricBucket.ONE_HOUR }],
    ['one second', { from: at(0), to: at(1), bucket: MetricBucket.ONE_DAY }],
  ])('accepts %s', (_case, range) => {
    expect(refusal(range)).toBeNull();
  });
});
