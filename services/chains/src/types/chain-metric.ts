import { registerEnumType } from 'type-graphql';

/** A health measure kept in a chain's sample history, as a time series. */
export enum ChainMetric {
  HEAD_AGE_SECONDS = 'HEAD_AGE_SECONDS',
  SAFE_LAG_BLOCKS = 'SAFE_LAG_BLOCKS',
  FINALIZED_LAG_BLOCKS = 'FINALIZED_LAG_BLOCKS',
  FINALIZED_LAG_SECONDS = 'FINALIZED_LAG_SECONDS',
  GAS_PRICE_GWEI = 'GAS_PRICE_GWEI',
  BASE_FEE_GWEI = 'BASE_FEE_GWEI',
  RPC_LATENCY_MS = 'RPC_LATENCY_MS',
  REACHABLE_ENDPOINTS = 'REACHABLE_ENDPOINTS',
  HEALTHY_SHARE = 'HEALTHY_SHARE',
}

registerEnumType(ChainMetric, {
  name: 'ChainMetric',
  description: "A health measure kept in a chain's sample history.",
  valuesConfig: {
    HEAD_AGE_SECONDS: { description: 'Seconds between the head block and the observation.' },
    SAFE_LAG_BLOCKS: { description: "Blocks between the head and the 'safe' block." },
    FINALIZED_LAG_BLOCKS: { description: "Blocks between the head and the 'finalized' block." },
    FINALIZED_LAG_SECONDS: { description: "Seconds between the head and the 'finalized' block." },
    GAS_PRICE_GWEI: { description: 'Gas price, in gwei.' },
    BASE_FEE_GWEI: { description: 'Base fee of the head block, in gwei (chains with EIP-1559).' },
    RPC_LATENCY_MS: { description: 'Mean probe round-trip of the RPC endpoints that answered, in milliseconds.' },
    REACHABLE_ENDPOINTS: { description: 'How many of the RPC endpoints of the chain answered.' },
    HEALTHY_SHARE: { description: 'The share of samples whose status was HEALTHY: 1 for a healthy sample, 0 for any other (avg is the share).' },
  },
});

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
