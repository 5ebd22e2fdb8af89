import { createChainClient, type ChainClient } from '@junction/onchain';
import type { ChainEntity } from '../entities/chain.entity';
import type { RpcEndpointEntity } from '../entities/rpc-endpoint.entity';

/**
 * One viem client per chain, over its endpoints in priority order (ranked by latency and stability as they
 * answer). A client is rebuilt when the chain's id or endpoints change, and closed when replaced.
 */
export class ChainClientRegistry {
  private readonly clients = new Map<string, { signature: string; client: ChainClient }>();

  /** The client for `chain` over `endpoints`. */
  clientFor(chain: Pick<ChainEntity, 'id' | 'name' | 'chainId'>, endpoints: RpcEndpointEntity[]): ChainClient {
    const urls = endpoints.map((endpoint) => endpoint.url);
    const signature = `${chain.chainId}|${urls.join('|')}`;
    const current = this.clients.get(chain.id);
    if (current?.signature === signature) return current.client;
    current?.client.close();
    const client = createChainClient({ chainId: chain.chainId, name: chain.name, endpoints: urls });
    this.clients.set(chain.id, { signature, client });
    return client;
  }

  /** Closes every client (stops their ranking timers). */
  close(): void {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }
}
