import { deleteSamplesBefore, findMetricSeries, insertSamples, type MetricBucket, type MetricPoint, type SampleTable } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { ChainHealthSampleEntity } from '../entities/chain-health-sample.entity';
import { CHAIN_METRIC_COLUMNS } from '../metrics/chain-metric-columns';
import type { ChainMetric } from '../types/chain-metric';

/** What a metric series is asked for, besides the chains. */
export interface MetricSeriesQuery {
  /** Which measure. */
  metric: ChainMetric;
  /** Start of the range, inclusive. */
  from: Date;
  /** End of the range, exclusive. */
  to: Date;
  /** Width of one point. */
  bucket: MetricBucket;
}

const TABLE: SampleTable<ChainHealthSampleEntity> = { entity: ChainHealthSampleEntity, subjectColumn: 'chain_id' };

/** Reads and writes the chains' health sample history. The only code that touches `chain_health_sample`. */
export class ChainHealthSampleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts samples in one statement, skipping observations already stored; returns how many rows were written. */
  insertMany(samples: readonly ChainHealthSampleEntity[]): Promise<number> {
    return insertSamples(this.dataSource, TABLE, samples);
  }

  /** Deletes every sample observed before `cutoff`, in one statement; returns how many went. */
  deleteObservedBefore(cutoff: Date): Promise<number> {
    return deleteSamplesBefore(this.dataSource, TABLE, cutoff);
  }

  /** One metric series per chain in `chainIds` (in that order), computed in one query (see `findMetricSeries`). */
  findSeries(chainIds: readonly string[], { metric, from, to, bucket }: MetricSeriesQuery): Promise<MetricPoint[][]> {
    return findMetricSeries(this.dataSource, TABLE, chainIds, { valueSql: CHAIN_METRIC_COLUMNS[metric].sql, from, to, bucket });
  }
}
