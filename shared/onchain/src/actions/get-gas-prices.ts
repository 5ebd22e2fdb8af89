import type { Chain, Client, Transport } from 'viem';
import { getBlock, getGasPrice } from 'viem/actions';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import { toOnchainError } from '../utils/to-onchain-error';

/** Parameters of {@link getGasPrices}. */
export interface GetGasPricesParameters {
  /**
   * A head already read (e.g. by {@link getChainHead}) whose base fee to report.
   * @default the latest block, read in the same batched round-trip as the gas price
   */
  head?: { baseFeePerGas: bigint | null };
}

/** What {@link getGasPrices} returns. */
export interface GetGasPricesReturnType {
  /** The node's `eth_gasPrice`: a legacy gas price that would be accepted now, in wei. */
  gasPriceWei: bigint;
  /** The head's EIP-1559 base fee, in wei; `null` on a chain without EIP-1559. */
  baseFeePerGasWei: bigint | null;
}

/** Errors {@link getGasPrices} throws. */
export type GetGasPricesErrorType = RpcRequestFailedErrorType;

/**
 * Returns the chain's gas price and base fee.
 *
 * - JSON-RPC: `eth_gasPrice` and (without `head`) `eth_getBlockByNumber("latest")`, sent as one HTTP batch.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link GetGasPricesParameters}
 * @returns The prices, in wei. {@link GetGasPricesReturnType}
 * @throws {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * const { gasPriceWei, baseFeePerGasWei } = await getGasPrices(client);
 */
export async function getGasPrices(
  client: Client<Transport, Chain | undefined>,
  { head }: GetGasPricesParameters = {},
): Promise<GetGasPricesReturnType> {
  try {
    const [gasPriceWei, baseFeePerGasWei] = await Promise.all([
      getGasPrice(client),
      head ? head.baseFeePerGas : getBlock(client, { blockTag: 'latest' }).then((block) => block.baseFeePerGas ?? null),
    ]);
    return { gasPriceWei, baseFeePerGasWei };
  } catch (error) {
    throw toOnchainError(error, { operation: 'getGasPrices', chainId: client.chain?.id ?? null });
  }
}
