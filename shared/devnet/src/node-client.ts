import { createTestClient, defineChain, http, publicActions, walletActions, type Hash, type TransactionReceipt } from 'viem';
import { devnetDeployer } from './devnet-deployer';
import { DevnetError } from './devnet-error';

/** Parameters of {@link createNodeClient}. */
export interface CreateNodeClientParameters {
  /** The anvil node's JSON-RPC URL (not a proxy: control calls must work while proxies are killed). */
  url: string;
  /** The node's chain id. */
  chainId: number;
  /** The chain's human-readable name. */
  label: string;
}

/** The devnet's own line to one anvil node: reads, anvil control calls, and transactions from the deployer. */
export interface NodeClient {
  /** A viem client with public, wallet (account: the deployer, signed by the node) and anvil test actions. */
  readonly viem: ReturnType<typeof createViemClient>;
  /**
   * Runs `send`, one at a time per node, and mines the transaction it sent at once with `anvil_mine` (one block,
   * whatever the block time or a halt). `send` may read first and send nothing (resolve undefined): the read and
   * the write are not interleaved with another `transact`. Resolves with the receipt, or undefined when nothing
   * was sent; throws a {@link DevnetError} if the transaction reverted.
   */
  transact(send: (client: NodeClient['viem']) => Promise<Hash | undefined>): Promise<TransactionReceipt | undefined>;
}

function createViemClient({ url, chainId, label }: CreateNodeClientParameters) {
  const chain = defineChain({
    id: chainId,
    name: label,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  });
  return createTestClient({ mode: 'anvil', chain, account: devnetDeployer.address, transport: http(url, { retryCount: 0 }) })
    .extend(publicActions)
    .extend(walletActions);
}

/** Builds the {@link NodeClient} for one anvil node. */
export function createNodeClient(parameters: CreateNodeClientParameters): NodeClient {
  const viem = createViemClient(parameters);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    viem,
    transact(send) {
      const next = queue.then(async () => {
        const hash = await send(viem);
        if (hash === undefined) return undefined;
        await viem.mine({ blocks: 1 });
        const receipt = await viem.getTransactionReceipt({ hash });
        if (receipt.status !== 'success') {
          throw new DevnetError(`A devnet transaction reverted on ${parameters.label}.`, { details: { hash, block: receipt.blockNumber } });
        }
        return receipt;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
