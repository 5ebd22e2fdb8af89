import { groupByKeys } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { BridgeHealthSampleEntity } from '../entities/bridge-health-sample.entity';
import { BRIDGE_METRIC_COLUMNS } from '../metrics/bridge-metric-columns';
import { METRIC_BUCKET_SECONDS, type BridgeMetric, type MetricBucket } from '../types/bridge-metric';
import type { MetricPoint } from '../types/metric-series';

/** What a metric series is asked for, besides the bridges. */
export interface MetricSeriesQuery {
  /** Which measure. */
  metric: BridgeMetric;
  /** Start of the range, inclusive. */
  from: Date;
  /** End of the range, exclusive. */
  to: Date;
  /** Width of one point. */
  bucket: MetricBucket;
}

/** Buckets start at whole multiples of their width since this instant (days at 00:00 UTC). */
const BUCKET_ORIGIN = '1970-01-01T00:00:00Z';

/** Reads and writes the bridges' health sample history. The only code that touches `bridge_health_sample`. */
export class BridgeHealthSampleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts samples in one statement; a sample whose bridge already has one at the same `observedAt` (the same
   * cached observation, sampled twice) is skipped. Returns how many rows were written.
   */
  async insertMany(samples: readonly BridgeHealthSampleEntity[]): Promise<number> {
    if (samples.length === 0) return 0;
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(BridgeHealthSampleEntity)
      .values([...samples])
      .orIgnore()
      .returning('bridge_id')
      .execute();
    return (result.raw as unknown[]).length;
  }

  /** Deletes every sample observed before `cutoff`, in one statement; returns how many went. */
  async deleteObservedBefore(cutoff: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(BridgeHealthSampleEntity)
      .where('observed_at < :cutoff', { cutoff })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * One metric series per bridge in `bridgeIds` (in that order), computed in one query: samples in [from, to) with a
   * value for the metric, grouped into buckets aligned on {@link BUCKET_ORIGIN}, each with avg, min, max, p95 and
   * count; empty buckets are absent, points are oldest first.
   */
  async findSeries(bridgeIds: readonly string[], { metric, from, to, bucket }: MetricSeriesQuery): Promise<MetricPoint[][]> {
    const { schema, tableName } = this.dataSource.getMetadata(BridgeHealthSampleEntity);
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const table = schema ? `${escape(schema)}.${escape(tableName)}` : escape(tableName);
    const rows = (await this.dataSource.query(
      `SELECT bridge_id AS "bridgeId",
              date_bin($2::interval, observed_at, $5::timestamptz) AS "bucketStart",
              avg(value) AS avg, min(value) AS min, max(value) AS max,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95,
              count(*)::int AS count
         FROM (SELECT bridge_id, observed_at, ${BRIDGE_METRIC_COLUMNS[metric].sql} AS value
                 FROM ${table}
                WHERE bridge_id = ANY($1::uuid[]) AND observed_at >= $3 AND observed_at < $4) AS sample
        WHERE value IS NOT NULL
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [[...new Set(bridgeIds)], `${METRIC_BUCKET_SECONDS[bucket]} seconds`, from, to, BUCKET_ORIGIN],
    )) as Array<MetricPoint & { bridgeId: string }>;
    return groupByKeys(rows, (row) => row.bridgeId, bridgeIds).map((points) =>
      points.map(({ bucketStart, avg, min, max, p95, count }) => ({ bucketStart, avg, min, max, p95, count })),
    );
  }
}
