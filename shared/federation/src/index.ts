export { buildFederatedSchema, type BuildFederatedSchemaParameters, type FederatedSchema } from './build-federated-schema';
export { createSubgraphServer, type SubgraphServer, type SubgraphServerParameters } from './subgraph-server';
export {
  Connection,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  MAX_PAGE_SIZE,
  PageArgs,
  PageInfo,
  type KeysetPageParameters,
  type Page,
} from './pagination';
export { createEntityDirectory, type EntityDirectory, type EntityDirectoryParameters } from './entity-directory';
export { checksumAddress } from './evm-address';
export { validateInput } from './validate-input';
export { seedId } from './seed-id';
export { groupByKeys, orderByKeys } from './batch';
export { checkAccess, RequiresAccess, type RequiresAccessParameters } from './requires-access';
export { VariesByCaller } from './varies-by-caller';
export * from './identity';
export { emitSchema } from './emit-schema';
export {
  createSubgraphService,
  type CreateSubgraphServiceParameters,
  type SubgraphBuildTools,
  type SubgraphContext,
  type SubgraphParts,
  type SubgraphService,
} from './subgraph-service';
export { runSubgraph, type RunSubgraphParameters, type SubgraphHost } from './run-subgraph';
export { SubgraphMetrics, type WatchedSampler } from './observability/subgraph-metrics';
export type { SubgraphObservability } from './observability/subgraph-observability';
export { IsDisplayName, IsSearchText, IsSlug, IsWebUrl, SLUG_PATTERN } from './input-rules';
export { ContractProbe } from './probes/contract-probe';
export { ContractProbeColumns } from './probes/contract-probe-columns';
export { ContractProbeInput, MAX_PROBE_ARGS } from './probes/contract-probe-input';
export { ContractProbeResult } from './probes/contract-probe-result';
export { reportPartialFailure } from './partial-failure';
export { MetricBucket, METRIC_BUCKET_SECONDS } from './metrics/metric-bucket';
export { MetricPoint, MetricSeries } from './metrics/metric-series';
export { assertMetricRange, MAX_METRIC_POINTS, MAX_METRIC_RANGE_DAYS, type MetricRange } from './metrics/metric-range';
export { deleteSamplesBefore, findMetricSeries, insertSamples, type SampleTable, type SeriesQuery } from './metrics/sample-history';
export { LeaderSampler, type LeaderSamplerOptions, type SamplerLogEntry } from './metrics/leader-sampler';
