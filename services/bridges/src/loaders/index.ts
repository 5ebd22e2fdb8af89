import { MAX_PAGE_SIZE } from '@junction/federation';
import DataLoader from 'dataloader';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import type { BridgeRouteEntity } from '../entities/bridge-route.entity';
import type { BridgeEntity } from '../entities/bridge.entity';
import type { ChainEndpointDirectory, ChainEndpoints } from '../health/chain-endpoint-directory';
import type { BridgeContractRepository } from '../repositories/bridge-contract.repository';
import type { BridgeHealthSampleRepository, MetricSeriesQuery } from '../repositories/bridge-health-sample.repository';
import type { BridgeProbeRepository } from '../repositories/bridge-probe.repository';
import type { BridgeRouteRepository } from '../repositories/bridge-route.repository';
import type { BridgeRepository } from '../repositories/bridge.repository';
import type { MetricPoint } from '@junction/federation';

/** One bridge's metric series, as `Bridge.metrics` asks for it. */
export interface BridgeMetricKey extends MetricSeriesQuery {
  /** The bridge's id. */
  bridgeId: string;
}

/**
 * The bridges service's loaders; built per request so nothing is cached across callers. Every batch function is
 * one SQL statement (or, for chains, one request to the chains subgraph). Bounded lists take their bound (`first`)
 * as a parameter: one loader per distinct bound.
 */
export interface BridgesLoaders {
  /** Bridges by id (archived included, null where unknown); every `__resolveReference` goes through it. */
  bridgeById: DataLoader<string, BridgeEntity | null>;
  /** `Chain.bridges`: active bridges with a route or contract on each chain, by name, at most `first` per chain. */
  bridgesByChainId(first: number): DataLoader<string, BridgeEntity[]>;
  /** `Partner.bridges`: active bridges each partner operates, by name, at most 100 per partner. */
  bridgesByOperatorId: DataLoader<string, BridgeEntity[]>;
  /** `Bridge.contracts`: contracts per bridge, at most `first` per bridge. */
  contractsByBridgeId(first: number): DataLoader<string, BridgeContractEntity[]>;
  /** `Bridge.routes`: routes per bridge, at most `first` per bridge. */
  routesByBridgeId(first: number): DataLoader<string, BridgeRouteEntity[]>;
  /** `Bridge.probes` and `Bridge.health`: every probe of each bridge, by label. */
  probesByBridgeId: DataLoader<string, BridgeProbeEntity[]>;
  /** `Bridge.health`: the chains contracts live on, with their RPC endpoints (null where unknown), from the chains subgraph. */
  chainEndpointsById: DataLoader<string, ChainEndpoints | null>;
  /** `Bridge.metrics`: series points by bridge and arguments; bridges asked for with the same arguments share one query. */
  metricPoints: DataLoader<BridgeMetricKey, MetricPoint[], string>;
}

/** What the loaders read through: the repositories, and the chains subgraph for chains' endpoints. */
export interface BridgesRepositories {
  /** Bridges. */
  bridges: BridgeRepository;
  /** Bridges' contracts. */
  contracts: BridgeContractRepository;
  /** Bridges' routes. */
  routes: BridgeRouteRepository;
  /** Bridges' contract probes. */
  probes: BridgeProbeRepository;
  /** The chains subgraph's chains and their RPC endpoints. */
  chainEndpoints: ChainEndpointDirectory;
  /** Bridges' health sample history. */
  samples: BridgeHealthSampleRepository;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders({ bridges, contracts, routes, probes, chainEndpoints, samples }: BridgesRepositories): BridgesLoaders {
  return {
    bridgeById: new DataLoader((ids) => bridges.findByIds(ids)),
    bridgesByChainId: perBound((first) => new DataLoader((ids) => bridges.findByChainIds(ids, first))),
    bridgesByOperatorId: new DataLoader((ids) => bridges.findByOperatorIds(ids, MAX_PAGE_SIZE)),
    contractsByBridgeId: perBound((first) => new DataLoader((ids) => contracts.findByBridgeIds(ids, first))),
    routesByBridgeId: perBound((first) => new DataLoader((ids) => routes.findByBridgeIds(ids, first))),
    probesByBridgeId: new DataLoader((ids) => probes.findByBridgeIds(ids)),
    chainEndpointsById: new DataLoader((ids) => chainEndpoints.find(ids)),
    metricPoints: new DataLoader((keys) => loadMetricPoints(samples, keys), { cacheKeyFn: metricKey }),
  };
}

/** One query per distinct set of arguments, over every bridge asked for with them. */
async function loadMetricPoints(samples: BridgeHealthSampleRepository, keys: readonly BridgeMetricKey[]): Promise<MetricPoint[][]> {
  const groups = new Map<string, { query: MetricSeriesQuery; bridgeIds: string[] }>();
  for (const { bridgeId, ...query } of keys) {
    const argsKey = seriesKey(query);
    const group = groups.get(argsKey);
    if (group) group.bridgeIds.push(bridgeId);
    else groups.set(argsKey, { query, bridgeIds: [bridgeId] });
  }
  const results = new Map<string, MetricPoint[]>();
  await Promise.all(
    [...groups.values()].map(async ({ query, bridgeIds }) => {
      const series = await samples.findSeries(bridgeIds, query);
      bridgeIds.forEach((bridgeId, index) => results.set(metricKey({ bridgeId, ...query }), series[index]));
    }),
  );
  return keys.map((key) => results.get(metricKey(key)) ?? []);
}

function seriesKey({ metric, from, to, bucket }: MetricSeriesQuery): string {
  return `${metric}|${from.toISOString()}|${to.toISOString()}|${bucket}`;
}

function metricKey({ bridgeId, ...query }: BridgeMetricKey): string {
  return `${bridgeId}|${seriesKey(query)}`;
}

/** One loader per bound, created on first use, so `bridges(first: 5)` and `bridges(first: 50)` batch separately. */
function perBound<Value>(create: (first: number) => DataLoader<string, Value>): (first: number) => DataLoader<string, Value> {
  const loaders = new Map<number, DataLoader<string, Value>>();
  return (first) => {
    let loader = loaders.get(first);
    if (!loader) {
      loader = create(first);
      loaders.set(first, loader);
    }
    return loader;
  };
}
