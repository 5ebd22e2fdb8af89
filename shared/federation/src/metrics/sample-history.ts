import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { groupByKeys } from '../batch';
import { METRIC_BUCKET_SECONDS, type MetricBucket } from './metric-bucket';
import type { MetricPoint } from './metric-series';

/** Buckets start at whole multiples of their width since this instant (days at 00:00 UTC). */
const BUCKET_ORIGIN = '1970-01-01T00:00:00Z';

/** A health sample table: its entity and the column naming what each sample is of (`chain_id`, `bridge_id`). */
export interface SampleTable<Sample extends ObjectLiteral> {
  /** The sample entity (primary key: subject column + `observed_at`). */
  entity: EntityTarget<Sample>;
  /** The column of the sampled subject's id. */
  subjectColumn: string;
}

/**
 * Inserts samples in one statement; a sample whose subject already has one at the same `observed_at` (the same
 * cached observation, sampled twice) is skipped. Returns how many rows were written.
 */
export async function insertSamples<Sample extends ObjectLiteral>(dataSource: DataSource, { entity, subjectColumn }: SampleTable<Sample>, samples: readonly Sample[]): Promise<number> {
  if (samples.length === 0) return 0;
  const result = await dataSource.createQueryBuilder().insert().into(entity).values([...samples]).orIgnore().returning(subjectColumn).execute();
  return (result.raw as unknown[]).length;
}

/** Deletes every sample observed before `cutoff`, in one statement; returns how many went. */
export async function deleteSamplesBefore<Sample extends ObjectLiteral>(dataSource: DataSource, { entity }: SampleTable<Sample>, cutoff: Date): Promise<number> {
  const result = await dataSource.createQueryBuilder().delete().from(entity).where('observed_at < :cutoff', { cutoff }).execute();
  return result.affected ?? 0;
}

/** What a metric series is asked for. */
export interface SeriesQuery {
  /** The SQL expression of the measure over one sample row (a column, or a derived value). */
  valueSql: string;
  /** Start of the range, inclusive. */
  from: Date;
  /** End of the range, exclusive. */
  to: Date;
  /** Width of one point. */
  bucket: MetricBucket;
}

/**
 * One metric series per subject in `subjectIds` (in that order), computed in one query: samples in [from, to) with
 * a value for the measure, grouped into buckets aligned on whole multiples of their width since the epoch, each
 * with avg, min, max, p95 (percentile_cont) and count; empty buckets are absent, points are oldest first.
 */
export async function findMetricSeries<Sample extends ObjectLiteral>(
  dataSource: DataSource,
  { entity, subjectColumn }: SampleTable<Sample>,
  subjectIds: readonly string[],
  { valueSql, from, to, bucket }: SeriesQuery,
): Promise<MetricPoint[][]> {
  const { schema, tableName } = dataSource.getMetadata(entity);
  const escape = (name: string) => dataSource.driver.escape(name);
  const table = schema ? `${escape(schema)}.${escape(tableName)}` : escape(tableName);
  const rows = (await dataSource.query(
    `SELECT ${subjectColumn} AS "subjectId",
            date_bin($2::interval, observed_at, $5::timestamptz) AS "bucketStart",
            avg(value) AS avg, min(value) AS min, max(value) AS max,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY value) AS p95,
            count(*)::int AS count
       FROM (SELECT ${subjectColumn}, observed_at, ${valueSql} AS value
               FROM ${table}
              WHERE ${subjectColumn} = ANY($1::uuid[]) AND observed_at >= $3 AND observed_at < $4) AS sample
      WHERE value IS NOT NULL
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [[...new Set(subjectIds)], `${METRIC_BUCKET_SECONDS[bucket]} seconds`, from, to, BUCKET_ORIGIN],
  )) as Array<MetricPoint & { subjectId: string }>;
  return groupByKeys(rows, (row) => row.subjectId, subjectIds).map((points) =>
    points.map(({ bucketStart, avg, min, max, p95, count }) => ({ bucketStart, avg, min, max, p95, count })),
  );
}
