import type { Chain, Client, Hash, Transport } from 'viem';
import { getBlock } from 'viem/actions';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import { toOnchainError } from '../utils/to-onchain-error';

/** Parameters of {@link getChainHead}. */
export interface GetChainHeadParameters {
  /**
   * The time the head's age is measured against, in Unix milliseconds.
   * @default Date.now()
   */
  now?: number;
}

/** The latest block as {@link getChainHead} reports it. */
export interface GetChainHeadReturnType {
  /** The latest block's number. */
  number: bigint;
  /** The latest block's hash. */
  hash: Hash;
  /** The latest block's timestamp, in Unix seconds. */
  timestamp: number;
  /**
   * Seconds between the latest block's timestamp and `now` (fractional; 0 when the node's clock is ahead of
   * ours). The measure of a halted chain.
   */
  headAgeSeconds: number;
  /** The latest block's EIP-1559 base fee, in wei; `null` on a chain without EIP-1559. */
  baseFeePerGas: bigint | null;
}

/** Errors {@link getChainHead} throws. */
export type GetChainHeadErrorType = RpcRequestFailedErrorType;

/**
 * Returns the chain's head: the latest block's number, hash, timestamp and base fee, and how old it is.
 *
 * - JSON-RPC: one `eth_getBlockByNumber("latest", false)`, batched with any other request made in the same tick.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link GetChainHeadParameters}
 * @returns The head. {@link GetChainHeadReturnType}
 * @throws {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * const { number, headAgeSeconds } = await getChainHead(client);
 */
export async function getChainHead(
  client: Client<Transport, Chain | undefined>,
  { now = Date.now() }: GetChainHeadParameters = {},
): Promise<GetChainHeadReturnType> {
  try {
    const block = await getBlock(client, { blockTag: 'latest' });
    const timestamp = Number(block.timestamp);
    return {
      number: block.number,
      hash: block.hash,
      timestamp,
      headAgeSeconds: Math.max(0, now / 1000 - timestamp),
      baseFeePerGas: block.baseFeePerGas ?? null,
    };
  } catch (error) {
    throw toOnchainError(error, { operation: 'getChainHead', chainId: client.chain?.id ?? null });
  }
}
