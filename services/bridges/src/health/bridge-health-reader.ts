import type { ReadThroughCache } from '@junction/cache';
import { createHash } from 'node:crypto';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import { BridgeUnreachableError } from '../errors/bridge-unreachable-error';
import { BridgeHealthStatus } from '../types/bridge-health';
import type { BridgeHealthSnapshot } from './bridge-health-snapshot';
import { errorReason, type ChainClientRegistry } from '@junction/onchain';
import type { ChainEndpoints } from './chain-endpoint-directory';
import { assembleBridgeHealth, chainSides, observeBridgeHealth } from './observe-bridge-health';
import { unconfiguredReason } from './observe-chain-side';
import type { TokenMetadataReader } from './token-metadata-reader';

/** A bridge's health as served: the observation, when it was made, and whether it is the last known one. */
export interface BridgeHealthRead {
  /** What was observed (for a stale read: the last known values, with status UNREACHABLE). */
  snapshot: BridgeHealthSnapshot;
  /** When it was observed. */
  observedAt: Date;
  /** True when the chains could not be read just now and `snapshot` holds the last known values. */
  stale: boolean;
  /** Why the bridge's chains could not be read just now, when they could not. */
  error?: Error;
}

/** What {@link BridgeHealthReader.read} reads. */
export interface BridgeHealthReadParameters {
  /** The bridge's id. */
  bridgeId: string;
  /** Its contracts. */
  contracts: BridgeContractEntity[];
  /** Its probes. */
  probes: BridgeProbeEntity[];
  /** The chains they live on, by catalogue id, from the chains subgraph; or why it could not be asked. */
  chains: ReadonlyMap<string, ChainEndpoints | null> | Error;
}

/** How long the last known health is kept to be served when the bridge's chains cannot be read. */
const KEEP_LAST_KNOWN_MS = 24 * 60 * 60 * 1000;

/**
 * How long an observation is served as it is: about one block of the slowest chain involved, between 1 s and 12 s
 * (1 s when the chains are not known), so a thousand readers cost one multicall per chain per block.
 */
export function bridgeHealthFreshnessMs(chains: Array<ChainEndpoints | null>): number {
  const blockTimes = chains.filter((chain) => chain !== null).map((chain) => chain.expectedBlockTimeMs);
  return Math.min(Math.max(...blockTimes, 1000), 12_000);
}

/**
 * Reads bridges' health through the shared read-through cache: N concurrent readers of one bridge cost one
 * multicall per chain (across replicas when the cache is in Redis), a recent observation is served while one
 * reader refreshes it, and when no chain answers the last known observation comes back flagged stale.
 */
export class BridgeHealthReader {
  constructor(
    private readonly cache: ReadThroughCache,
    private readonly clients: ChainClientRegistry,
    private readonly tokenMetadata: TokenMetadataReader,
    private readonly now: () => number = Date.now,
  ) {}

  /** The health of one bridge. Never throws: failures come back as UNREACHABLE (or stale) with `error`. */
  async read({ bridgeId, contracts, probes, chains }: BridgeHealthReadParameters): Promise<BridgeHealthRead> {
    const chainIds = [...new Set([...contracts, ...probes].map((item) => item.chainId))];
    const known = chains instanceof Error ? new Map<string, ChainEndpoints | null>() : chains;
    const fresh = (snapshot: BridgeHealthSnapshot): BridgeHealthRead => ({ snapshot, observedAt: new Date(this.now()), stale: false });

    if (chainIds.length === 0) return fresh(assembleBridgeHealth(contracts, probes, []));
    if (!(chains instanceof Error) && chainIds.every((id) => !chains.get(id)?.endpoints.length)) {
      // Nothing is configured to read from: not an outage, so no error, and nothing to cache.
      const sides = chainSides(contracts, probes, chains).map((side) => ({ ...side, readable: false as const, reason: unconfiguredReason(side) ?? '' }));
      return fresh(assembleBridgeHealth(contracts, probes, sides));
    }

    const freshMs = bridgeHealthFreshnessMs(chainIds.map((id) => known.get(id) ?? null));
    const load = () =>
      chains instanceof Error ? Promise.reject(chains) : observeBridgeHealth({ contracts, probes, chains, clients: this.clients, tokenMetadata: this.tokenMetadata });
    try {
      const read = await this.cache.read<BridgeHealthSnapshot>(cacheKey(bridgeId, contracts, probes), load, {
        freshMs,
        revalidateMs: freshMs * 4,
        keepMs: KEEP_LAST_KNOWN_MS,
        negativeMs: 2000,
      });
      if (!read.stale) return { snapshot: read.value, observedAt: read.observedAt, stale: false };
      const ageSeconds = Math.round((this.now() - read.observedAt.getTime()) / 1000);
      return {
        snapshot: {
          ...read.value,
          status: BridgeHealthStatus.UNREACHABLE,
          reasons: [`The bridge's chains cannot be read right now; these are the last known values, ${ageSeconds} s old.`, ...currentFailures(read.error)],
        },
        observedAt: read.observedAt,
        stale: true,
        error: read.error,
      };
    } catch (error) {
      // Nothing kept to fall back on. This process's own failed observation says why per chain; otherwise (the
      // chains subgraph is down, or another replica failed) every contract gets the one reason there is.
      if (error instanceof BridgeUnreachableError) return { ...fresh(error.observation), error };
      const reason = errorReason(error);
      const sides = chainSides(contracts, probes, known).map((side) => ({ ...side, readable: false as const, reason }));
      return { ...fresh(assembleBridgeHealth(contracts, probes, sides)), error: error as Error };
    }
  }
}

/** Why the chains cannot be read now, when this process made the failed read (another replica's failure has only its message). */
function currentFailures(error: Error | undefined): string[] {
  if (error instanceof BridgeUnreachableError) return error.observation.reasons;
  return error ? [errorReason(error)] : [];
}

/** A key per bridge that changes whenever what is read changes (contracts, held tokens, probes). */
function cacheKey(bridgeId: string, contracts: BridgeContractEntity[], probes: BridgeProbeEntity[]): string {
  const inputs = [
    contracts.map((c) => [c.id, c.chainId, c.address, c.role, c.pausable, c.label, c.heldTokens]),
    probes.map((p) => [p.id, p.chainId, p.address, p.signature, p.args, p.expectEquals, p.expectMin, p.expectMax, p.label]),
  ];
  return `bridge-health:${bridgeId}:${createHash('sha1').update(JSON.stringify(inputs)).digest('hex').slice(0, 16)}`;
}
