import { ChainMetric } from '../types/chain-metric';

/** How one metric is read from a `chain_health_sample` row. */
export interface ChainMetricColumn {
  /** A SQL expression over the row giving a double precision value, or null where the sample has none. */
  sql: string;
  /** The unit of the values, as `MetricSeries.unit` names it. */
  unit: string;
}

/**
 * Every metric's SQL expression. Only these fixed expressions reach SQL: the metric a client asks for selects one,
 * it is never interpolated.
 */
export const CHAIN_METRIC_COLUMNS: Readonly<Record<ChainMetric, ChainMetricColumn>> = {
  [ChainMetric.HEAD_AGE_SECONDS]: { sql: 'head_age_seconds', unit: 'seconds' },
  [ChainMetric.SAFE_LAG_BLOCKS]: { sql: 'safe_lag_blocks::double precision', unit: 'blocks' },
  [ChainMetric.FINALIZED_LAG_BLOCKS]: { sql: 'finalized_lag_blocks::double precision', unit: 'blocks' },
  [ChainMetric.FINALIZED_LAG_SECONDS]: { sql: 'finalized_lag_seconds', unit: 'seconds' },
  [ChainMetric.GAS_PRICE_GWEI]: { sql: 'gas_price_gwei', unit: 'gwei' },
  [ChainMetric.BASE_FEE_GWEI]: { sql: 'base_fee_gwei', unit: 'gwei' },
  [ChainMetric.RPC_LATENCY_MS]: { sql: 'rpc_latency_ms', unit: 'ms' },
  [ChainMetric.REACHABLE_ENDPOINTS]: { sql: 'reachable_endpoints::double precision', unit: 'endpoints' },
  [ChainMetric.HEALTHY_SHARE]: { sql: "CASE WHEN status = 'HEALTHY' THEN 1.0 ELSE 0.0 END::double precision", unit: 'share' },
};
