import type { Chain, Client, Transport } from 'viem';
import { getBlock } from 'viem/actions';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import { isUnservedBlockTagError } from '../utils/is-unserved-block-tag-error';
import { toOnchainError } from '../utils/to-onchain-error';

/** Parameters of {@link getFinality}. */
export interface GetFinalityParameters {
  /**
   * The head to measure the lag from (e.g. the result of {@link getChainHead}).
   * @default the latest block, read in the same batched round-trip as the `safe` and `finalized` blocks
   */
  head?: { number: bigint; timestamp: number };
}

/** A `safe` or `finalized` block and how far it trails the head. */
export interface FinalityCheckpoint {
  /** The block's number. */
  number: bigint;
  /** The block's timestamp, in Unix seconds. */
  timestamp: number;
  /** Blocks between it and the head (0 if the head given is older than it). */
  lagBlocks: number;
  /** Seconds between its timestamp and the head's (0 if the head given is older than it). */
  lagSeconds: number;
}

/** What {@link getFinality} returns: `null` for a tag the node does not serve. */
export interface GetFinalityReturnType {
  /** The `safe` block (unlikely to be reorged), or `null` when the node does not serve the tag. */
  safe: FinalityCheckpoint | null;
  /** The `finalized` block (final on the chain's terms), or `null` when the node does not serve the tag. */
  finalized: FinalityCheckpoint | null;
}

/** Errors {@link getFinality} throws. */
export type GetFinalityErrorType = RpcRequestFailedErrorType;

/**
 * Returns the `safe` and `finalized` blocks and their lag behind the head. A tag the node does not serve (a chain
 * without the notion, an old client) gives `null` rather than an error; a node that does not answer is an error.
 *
 * - JSON-RPC: `eth_getBlockByNumber` for `safe`, `finalized` (and `latest` when no `head` is given), sent at once
 *   so the transport sends them as one HTTP batch.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link GetFinalityParameters}
 * @returns Both checkpoints. {@link GetFinalityReturnType}
 * @throws {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * const head = await getChainHead(client);
 * const { finalized } = await getFinality(client, { head });
 */
export async function getFinality(
  client: Client<Transport, Chain | undefined>,
  { head }: GetFinalityParameters = {},
): Promise<GetFinalityReturnType> {
  const checkpoint = async (blockTag: 'safe' | 'finalized') => {
    try {
      return await getBlock(client, { blockTag });
    } catch (error) {
      if (isUnservedBlockTagError(error)) return null;
      throw error;
    }
  };
  try {
    const [latest, safe, finalized] = await Promise.all([
      head ?? getBlock(client, { blockTag: 'latest' }),
      checkpoint('safe'),
      checkpoint('finalized'),
    ]);
    const reference = { number: latest.number, timestamp: Number(latest.timestamp) };
    const lag = (block: { number: bigint; timestamp: bigint } | null): FinalityCheckpoint | null => {
      if (!block) return null;
      const timestamp = Number(block.timestamp);
      return {
        number: block.number,
        timestamp,
        lagBlocks: Math.max(0, Number(reference.number - block.number)),
        lagSeconds: Math.max(0, reference.timestamp - timestamp),
      };
    };
    return { safe: lag(safe), finalized: lag(finalized) };
  } catch (error) {
    throw toOnchainError(error, { operation: 'getFinality', chainId: client.chain?.id ?? null });
  }
}
