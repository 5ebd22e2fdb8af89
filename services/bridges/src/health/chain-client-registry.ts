import { createChainClient, type ChainClient, type ChainClientRankOptions } from '@junction/onchain';
import type { ChainEndpoints } from './chain-endpoint-directory';

/** Options of {@link ChainClientRegistry}. */
export interface ChainClientRegistryOptions {
  /** How each client ranks its chain's endpoints (`false`: priority order only). @default true (viem's ranking, every 4 s) */
  rank?: boolean | ChainClientRankOptions;
}

/**
 * One viem client per chain, over its endpoints in priority order (ranked by latency and stability as they
 * answer). A client is rebuilt when the chain's id or endpoints change, and closed when replaced.
 */
export class ChainClientRegistry {
  private readonly clients = new Map<string, { signature: string; client: ChainClient }>();
  private readonly rank: boolean | ChainClientRankOptions;
  private createdAny = false;

  constructor({ rank = true }: ChainClientRegistryOptions = {}) {
    this.rank = rank;
  }

  /** The client of `chain` over its endpoints (which it must have). */
  clientFor(chain: ChainEndpoints): ChainClient {
    const urls = chain.endpoints.map((endpoint) => endpoint.url);
    const signature = `${chain.chainId}|${urls.join('|')}`;
    const current = this.clients.get(chain.id);
    if (current?.signature === signature) return current.client;
    current?.client.close();
    const client = createChainClient({ chainId: chain.chainId, name: chain.name, endpoints: urls, blockTimeMs: chain.expectedBlockTimeMs, rank: this.rank });
    this.clients.set(chain.id, { signature, client });
    this.createdAny = true;
    return client;
  }

  /**
   * Closes every client, then waits until their endpoint ranking has stopped (viem's last ranking timer fires
   * within one interval plus one probe timeout of `close()`), so nothing of theirs outlives the service.
   */
  async close(): Promise<void> {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
    if (!this.createdAny || this.rank === false) return;
    const options = this.rank === true ? {} : this.rank;
    const windDownMs = (options.intervalMs ?? 4000) + (options.timeoutMs ?? 1000);
    await new Promise((resolve) => setTimeout(resolve, windDownMs));
  }
}
