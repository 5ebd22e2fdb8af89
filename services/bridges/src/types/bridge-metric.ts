import { registerEnumType } from 'type-graphql';

/** A health measure kept in a bridge's sample history, as a time series. */
export enum BridgeMetric {
  PAUSED_CONTRACTS = 'PAUSED_CONTRACTS',
  READABLE_CONTRACTS = 'READABLE_CONTRACTS',
  FAILING_PROBES = 'FAILING_PROBES',
  ESCROW_VALUE = 'ESCROW_VALUE',
  NATIVE_BALANCE = 'NATIVE_BALANCE',
  OPERATIONAL_SHARE = 'OPERATIONAL_SHARE',
}

registerEnumType(BridgeMetric, {
  name: 'BridgeMetric',
  description: "A health measure kept in a bridge's sample history.",
  valuesConfig: {
    PAUSED_CONTRACTS: { description: 'How many of the contracts read were paused.' },
    READABLE_CONTRACTS: { description: 'How many of the contracts could be read (chain answered, paused() read if pausable).' },
    FAILING_PROBES: { description: 'How many of the probes failed.' },
    ESCROW_VALUE: {
      description: 'Sum of the ERC-20 balances read, each in whole token units (a plain sum across tokens, not a price-weighted value); samples with no ERC-20 balance read have no value.',
    },
    NATIVE_BALANCE: { description: 'Sum of the native balances read, in ETH; samples with no native balance read have no value.' },
    OPERATIONAL_SHARE: { description: 'The share of samples whose status was OPERATIONAL: 1 for an operational sample, 0 for any other (avg is the share).' },
  },
});

/** The width of one point of a metric series (the same GraphQL enum as the chains subgraph declares). */
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
