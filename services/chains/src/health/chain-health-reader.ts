import type { ReadThroughCache } from '@junction/cache';
import { createHash } from 'node:crypto';
import type { ChainProbeEntity } from '../entities/chain-probe.entity';
import type { ChainEntity } from '../entities/chain.entity';
import type { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';
import { ChainHealthStatus } from '../types/chain-health';
import type { ChainClientRegistry } from '@junction/onchain';
import type { ChainHealthSnapshot } from './chain-health-snapshot';
import { healthFreshnessMs, healthThresholds } from './health-thresholds';
import { observeChainHealth, unevaluatedProbes } from './observe-chain-health';

/** A chain's health as served: the observation, when it was made, and whether it is the last known one. */
export interface ChainHealthRead {
  snapshot: ChainHealthSnapshot;
  observedAt: Date;
  stale: boolean;
  /** Why the chain could not be read just now, when it could not. */
  error?: Error;
}

/** How long the last known health is kept to be served when a chain cannot be read. */
const KEEP_LAST_KNOWN_MS = 24 * 60 * 60 * 1000;

/**
 * Reads chains' health through the shared read-through cache: N concurrent readers of one chain cost one set of
 * RPC reads (across replicas when the cache is in Redis), a recent observation is served while one reader
 * refreshes it, and when no endpoint answers the last known observation comes back flagged stale.
 */
export class ChainHealthReader {
  constructor(
    private readonly cache: ReadThroughCache,
    private readonly clients: ChainClientRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** The health of `chain`, read through `endpoints` (priority order), with its contract `probes` evaluated. */
  async read(chain: ChainEntity, endpoints: RpcEndpointEntity[], probes: ChainProbeEntity[]): Promise<ChainHealthRead> {
    if (endpoints.length === 0) return this.unreachable(chain, probes, 'No RPC endpoint is configured for this chain.');
    const freshMs = healthFreshnessMs(chain);
    try {
      const read = await this.cache.read(
        cacheKey(chain, endpoints, probes),
        () => observeChainHealth({ chain, endpoints, probes, client: this.clients.clientFor({ key: chain.id, chainId: chain.chainId, name: chain.name, urls: endpoints.map((e) => e.url), blockTimeMs: chain.expectedBlockTimeMs }), now: this.now() }),
        { freshMs, revalidateMs: freshMs * 4, keepMs: KEEP_LAST_KNOWN_MS, negativeMs: 2000 },
      );
      const snapshot = read.value as ChainHealthSnapshot;
      if (!read.stale) return { snapshot, observedAt: read.observedAt, stale: false };
      const ageSeconds = Math.round((this.now() - read.observedAt.getTime()) / 1000);
      return {
        snapshot: {
          ...snapshot,
          status: ChainHealthStatus.UNREACHABLE,
          reasons: [`The chain cannot be read right now; these are the last known values, ${ageSeconds} s old.`, ...snapshot.reasons],
        },
        observedAt: read.observedAt,
        stale: true,
        error: read.error,
      };
    } catch (error) {
      return { ...this.unreachable(chain, probes, 'The chain cannot be read right now and no earlier observation is kept.'), error: error as Error };
    }
  }

  private unreachable(chain: ChainEntity, probes: ChainProbeEntity[], reason: string): ChainHealthRead {
    return {
      snapshot: {
        status: ChainHealthStatus.UNREACHABLE,
        reasons: [reason],
        chainIdMatches: true,
        headNumber: null,
        headTimestamp: null,
        headAgeSeconds: null,
        safe: null,
        finalized: null,
        gasPriceGwei: null,
        baseFeeGwei: null,
        endpoints: [],
        sequencer: null,
        thresholds: healthThresholds(chain),
        probes: unevaluatedProbes(probes, reason),
      },
      observedAt: new Date(this.now()),
      stale: false,
    };
  }
}

/**
 * A key that changes whenever what is read changes (chain id, endpoints, thresholds, feed, probes), so a probe
 * added or removed is evaluated (or dropped) on the next read rather than after the cached observation expires.
 */
function cacheKey(chain: ChainEntity, endpoints: RpcEndpointEntity[], probes: ChainProbeEntity[]): string {
  const inputs = [
    chain.chainId,
    chain.sequencerUptimeFeedAddress,
    chain.degradedAfterSeconds,
    chain.haltedAfterSeconds,
    chain.expectedBlockTimeMs,
    ...endpoints.map((e) => e.url),
    // Always present, even empty: snapshots cached before chains had probes lack `probes` and must not be served.
    probes.map((p) => [p.id, p.address, p.signature, p.args, p.expectEquals, p.expectMin, p.expectMax, p.label]),
  ];
  return `chain-health:${chain.id}:${createHash('sha1').update(JSON.stringify(inputs)).digest('hex').slice(0, 16)}`;
}
