import { BridgeMetric } from '../types/bridge-metric';

/** How one metric is read from a `bridge_health_sample` row. */
export interface BridgeMetricColumn {
  /** A SQL expression over the row giving a double precision value, or null where the sample has none. */
  sql: string;
  /** The unit of the values, as `MetricSeries.unit` names it. */
  unit: string;
}

/**
 * Every metric's SQL expression. Only these fixed expressions reach SQL: the metric a client asks for selects one,
 * it is never interpolated.
 */
export const BRIDGE_METRIC_COLUMNS: Readonly<Record<BridgeMetric, BridgeMetricColumn>> = {
  [BridgeMetric.PAUSED_CONTRACTS]: { sql: 'paused_contracts::double precision', unit: 'contracts' },
  [BridgeMetric.READABLE_CONTRACTS]: { sql: 'readable_contracts::double precision', unit: 'contracts' },
  [BridgeMetric.FAILING_PROBES]: { sql: 'failing_probes::double precision', unit: 'probes' },
  [BridgeMetric.ESCROW_VALUE]: { sql: 'escrow_value', unit: 'tokens' },
  [BridgeMetric.NATIVE_BALANCE]: { sql: 'native_balance', unit: 'ETH' },
  [BridgeMetric.OPERATIONAL_SHARE]: { sql: "CASE WHEN status = 'OPERATIONAL' THEN 1.0 ELSE 0.0 END::double precision", unit: 'share' },
};
