import type { Address, Chain, Client, Transport } from 'viem';
import { readContract } from 'viem/actions';
import type { ContractReadFailedErrorType } from '../errors/contract-read-failed-error';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import { toOnchainError } from '../utils/to-onchain-error';

/** The one function of Chainlink's `AggregatorV3Interface` an L2 sequencer uptime feed is read with. */
const sequencerUptimeFeedAbi = [
  {
    type: 'function',
    name: 'latestRoundData',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      { name: 'roundId', type: 'uint80' },
      { name: 'answer', type: 'int256' },
      { name: 'startedAt', type: 'uint256' },
      { name: 'updatedAt', type: 'uint256' },
      { name: 'answeredInRound', type: 'uint80' },
    ],
  },
] as const;

/** Parameters of {@link readSequencerUptime}. */
export interface ReadSequencerUptimeParameters {
  /** Address of the chain's Chainlink L2 sequencer uptime feed. */
  feed: Address;
  /**
   * How long after the sequencer comes back up its data is still treated with suspicion (Chainlink recommends
   * an hour before trusting prices again), in seconds.
   * @default 3600
   */
  gracePeriodSeconds?: number;
  /**
   * The time the grace period is measured against, in Unix milliseconds.
   * @default Date.now()
   */
  now?: number;
}

/** What {@link readSequencerUptime} returns. */
export interface ReadSequencerUptimeReturnType {
  /** Whether the feed says the sequencer is up (`answer == 0`). */
  up: boolean;
  /** The feed's raw answer: `0` up, `1` down. */
  answer: bigint;
  /** The feed's round. */
  roundId: bigint;
  /** When the status last changed, in Unix seconds. */
  startedAt: number;
  /** When the feed was last updated, in Unix seconds. */
  updatedAt: number;
  /** Seconds since the status last changed (0 when `startedAt` is in the future of `now`). */
  secondsSinceStatusChange: number;
  /** Whether the sequencer is up but came back less than `gracePeriodSeconds` ago. */
  withinGracePeriod: boolean;
}

/** Errors {@link readSequencerUptime} throws. */
export type ReadSequencerUptimeErrorType = ContractReadFailedErrorType | RpcRequestFailedErrorType;

/**
 * Reads a Chainlink L2 sequencer uptime feed: whether the sequencer is up, since when, and whether it is still
 * within the grace period after coming back.
 *
 * - JSON-RPC: one `eth_call` of `latestRoundData()` (aggregated into Multicall3 with concurrent reads when the
 *   client batches).
 *
 * @param client - The L2's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link ReadSequencerUptimeParameters}
 * @returns The sequencer's status. {@link ReadSequencerUptimeReturnType}
 * @throws {@link ContractReadFailedError} when `feed` is not a feed (revert, no code).
 * @throws {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * const { up, withinGracePeriod } = await readSequencerUptime(client, { feed });
 */
export async function readSequencerUptime(
  client: Client<Transport, Chain | undefined>,
  { feed, gracePeriodSeconds = 3600, now = Date.now() }: ReadSequencerUptimeParameters,
): Promise<ReadSequencerUptimeReturnType> {
  let roundData: readonly [bigint, bigint, bigint, bigint, bigint];
  try {
    roundData = await readContract(client, { address: feed, abi: sequencerUptimeFeedAbi, functionName: 'latestRoundData' });
  } catch (error) {
    throw toOnchainError(error, {
      operation: 'readSequencerUptime',
      chainId: client.chain?.id ?? null,
      contract: { address: feed, functionName: 'latestRoundData' },
    });
  }
  const [roundId, answer, startedAt, updatedAt] = roundData;
  const up = answer === 0n;
  const secondsSinceStatusChange = Math.max(0, Math.floor(now / 1000) - Number(startedAt));
  return {
    up,
    answer,
    roundId,
    startedAt: Number(startedAt),
    updatedAt: Number(updatedAt),
    secondsSinceStatusChange,
    withinGracePeriod: up && secondsSinceStatusChange < gracePeriodSeconds,
  };
}
