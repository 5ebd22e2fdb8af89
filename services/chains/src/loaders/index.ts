import DataLoader from 'dataloader';
import type { ChainProbeEntity } from '../entities/chain-probe.entity';
import type { ChainEntity } from '../entities/chain.entity';
import type { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import type { ChainHealthSampleRepository, MetricSeriesQuery } from '../repositories/chain-health-sample.repository';
import type { ChainProbeRepository } from '../repositories/chain-probe.repository';
import type { ChainRepository } from '../repositories/chain.repository';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';
import type { MetricPoint } from '@junction/federation';

/** One chain's metric series, as `Chain.metrics` asks for it. */
export interface ChainMetricKey extends MetricSeriesQuery {
  /** The chain's id. */
  chainId: string;
}

/** The chains service's loaders; built per request so nothing is cached across callers. */
export interface ChainsLoaders {
  /** Chains by id (null where unknown); every `__resolveReference` and settlement lookup goes through it. */
  chainById: DataLoader<string, ChainEntity | null>;
  /** RPC endpoints by chain id. */
  rpcEndpointsByChainId: DataLoader<string, RpcEndpointEntity[]>;
  /** `Chain.probes` and `Chain.health`: every contract probe of each chain, by label. */
  probesByChainId: DataLoader<string, ChainProbeEntity[]>;
  /** Metric series points by chain and arguments: chains asked for with the same arguments share one query. */
  metricPoints: DataLoader<ChainMetricKey, MetricPoint[], string>;
}

/** The repositories the loaders read through. */
export interface LoaderRepositories {
  chains: ChainRepository;
  rpcEndpoints: RpcEndpointRepository;
  probes: ChainProbeRepository;
  samples: ChainHealthSampleRepository;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders(repositories: LoaderRepositories): ChainsLoaders {
  return {
    chainById: new DataLoader((ids) => repositories.chains.findByIds(ids)),
    rpcEndpointsByChainId: new DataLoader((ids) => repositories.rpcEndpoints.findByChainIds(ids)),
    probesByChainId: new DataLoader((ids) => repositories.probes.findByChainIds(ids)),
    metricPoints: new DataLoader((keys) => loadMetricPoints(repositories.samples, keys), { cacheKeyFn: metricKey }),
  };
}

/** One query per distinct set of arguments, over every chain asked for with them. */
async function loadMetricPoints(samples: ChainHealthSampleRepository, keys: readonly ChainMetricKey[]): Promise<MetricPoint[][]> {
  const groups = new Map<string, { query: MetricSeriesQuery; chainIds: string[] }>();
  for (const { chainId, ...query } of keys) {
    const argsKey = seriesKey(query);
    const group = groups.get(argsKey);
    if (group) group.chainIds.push(chainId);
    else groups.set(argsKey, { query, chainIds: [chainId] });
  }
  const results = new Map<string, MetricPoint[]>();
  await Promise.all(
    [...groups.values()].map(async ({ query, chainIds }) => {
      const series = await samples.findSeries(chainIds, query);
      chainIds.forEach((chainId, index) => results.set(metricKey({ chainId, ...query }), series[index]));
    }),
  );
  return keys.map((key) => results.get(metricKey(key)) ?? []);
}

function seriesKey({ metric, from, to, bucket }: MetricSeriesQuery): string {
  return `${metric}|${from.toISOString()}|${to.toISOString()}|${bucket}`;
}

function metricKey({ chainId, ...query }: ChainMetricKey): string {
  return `${chainId}|${seriesKey(query)}`;
}
