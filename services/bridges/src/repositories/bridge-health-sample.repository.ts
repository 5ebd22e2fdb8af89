import { deleteSamplesBefore, findMetricSeries, insertSamples, type MetricBucket, type MetricPoint, type SampleTable } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { BridgeHealthSampleEntity } from '../entities/bridge-health-sample.entity';
import { BRIDGE_METRIC_COLUMNS } from '../metrics/bridge-metric-columns';
import type { BridgeMetric } from '../types/bridge-metric';

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

const TABLE: SampleTable<BridgeHealthSampleEntity> = { entity: BridgeHealthSampleEntity, subjectColumn: 'bridge_id' };

/** Reads and writes the bridges' health sample history. The only code that touches `bridge_health_sample`. */
export class BridgeHealthSampleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts samples in one statement, skipping observations already stored; returns how many rows were written. */
  insertMany(samples: readonly BridgeHealthSampleEntity[]): Promise<number> {
    return insertSamples(this.dataSource, TABLE, samples);
  }

  /** Deletes every sample observed before `cutoff`, in one statement; returns how many went. */
  deleteObservedBefore(cutoff: Date): Promise<number> {
    return deleteSamplesBefore(this.dataSource, TABLE, cutoff);
  }

  /** One metric series per bridge in `bridgeIds` (in that order), computed in one query (see `findMetricSeries`). */
  findSeries(bridgeIds: readonly string[], { metric, from, to, bucket }: MetricSeriesQuery): Promise<MetricPoint[][]> {
    return findMetricSeries(this.dataSource, TABLE, bridgeIds, { valueSql: BRIDGE_METRIC_COLUMNS[metric].sql, from, to, bucket });
  }
}
