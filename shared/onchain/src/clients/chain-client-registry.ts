import type { ChainClientRankOptions } from './chain-client-rank-options';
import { createChainClient, type ChainClient, type RpcCallObserver } from './create-chain-client';

/** Options of {@link ChainClientRegistry}. */
export interface ChainClientRegistryOptions {
  /** How each client ranks its chain's endpoints (`false`: priority order only). @default true (viem's ranking, every 4 s) */
  rank?: boolean | ChainClientRankOptions;
  /** Told of every JSON-RPC call any of the clients makes (metrics). @default none */
  onRpcCall?: RpcCallObserver;
}

/** What a registry needs to know to build a chain's client. */
export interface ChainClientTarget {
  /** A stable key for the chain (its catalogue id). */
  key: string;
  /** The EIP-155 chain id. */
  chainId: number;
  /** A display name. */
  name: string;
  /** The endpoints, in priority order. */
  urls: readonly string[];
  /** The expected block time, used for polling intervals. @default viem's */
  blockTimeMs?: number;
}

/**
 * One client per chain, over its endpoints in priority order (ranked by latency and stability as they answer). A
 * client is rebuilt when the chain's id or endpoints change, and closed when replaced.
 */
export class ChainClientRegistry {
  private readonly clients = new Map<string, { signature: string; client: ChainClient }>();
  private readonly rank: boolean | ChainClientRankOptions;
  private readonly onRpcCall: RpcCallObserver | undefined;
  private createdAny = false;

  constructor({ rank = true, onRpcCall }: ChainClientRegistryOptions = {}) {
    this.rank = rank;
    this.onRpcCall = onRpcCall;
  }

  /** The client of `target`. */
  clientFor({ key, chainId, name, urls, blockTimeMs }: ChainClientTarget): ChainClient {
    const signature = `${chainId}|${urls.join('|')}`;
    const current = this.clients.get(key);
    if (current?.signature === signature) return current.client;
    current?.client.close();
    const client = createChainClient({ chainId, name, endpoints: urls, blockTimeMs, rank: this.rank, onRpcCall: this.onRpcCall });
    this.clients.set(key, { signature, client });
    this.createdAny = true;
    return client;
  }

  /**
   * Closes every client, then waits until their endpoint ranking has stopped (viem's last ranking timer fires
   * within one interval plus one probe timeout of `close()`, and viem offers no way to cancel it), so nothing of
   * theirs outlives the service.
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
