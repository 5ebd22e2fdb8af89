import type { ChainHealthSampleEntity } from '../entities/chain-health-sample.entity';
import type { ChainHealthSnapshot } from '../health/chain-health-snapshot';

/**
 * The history row of one health observation of a chain. `rpcLatencyMs` is the mean probe round-trip of the
 * endpoints that answered (null when none did); `reachableEndpoints` of `endpointCount` answered.
 */
export function toChainHealthSample(chainId: string, observedAt: Date, snapshot: ChainHealthSnapshot): ChainHealthSampleEntity {
  const reachable = snapshot.endpoints.filter((endpoint) => endpoint.reachable);
  const latencies = reachable.map((endpoint) => endpoint.latencyMs).filter((latency): latency is number => latency !== null);
  return {
    chainId,
    observedAt,
    status: snapshot.status,
    headNumber: snapshot.headNumber,
    headAgeSeconds: snapshot.headAgeSeconds,
    safeLagBlocks: snapshot.safe?.lagBlocks ?? null,
    finalizedLagBlocks: snapshot.finalized?.lagBlocks ?? null,
    finalizedLagSeconds: snapshot.finalized?.lagSeconds ?? null,
    gasPriceGwei: snapshot.gasPriceGwei,
    baseFeeGwei: snapshot.baseFeeGwei,
    rpcLatencyMs: latencies.length === 0 ? null : Math.round((latencies.reduce((sum, latency) => sum + latency, 0) / latencies.length) * 10) / 10,
    reachableEndpoints: reachable.length,
    endpointCount: snapshot.endpoints.length,
  };
}
