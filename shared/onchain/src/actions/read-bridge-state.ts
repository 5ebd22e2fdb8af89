import {
  erc20Abi,
  multicall3Abi,
  parseAbi,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionParameters,
  type Transport,
} from 'viem';
import { multicall } from 'viem/actions';
import { OnchainError } from '../errors/onchain-error';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import type { ReadResult } from '../types/read-result';
import { toOnchainError } from '../utils/to-onchain-error';
import { toReadResult, type MulticallEntry } from '../utils/to-read-result';

const pausableAbi = parseAbi(['function paused() view returns (bool)']);

/** Parameters of {@link readBridgeState}. */
export interface ReadBridgeStateParameters {
  /**
   * The bridge's contracts on this chain; `paused()` is read from each pausable one.
   * @default []
   */
  contracts?: readonly { address: Address; pausable: boolean }[];
  /**
   * Balances to read: an ERC-20 `token`'s `balanceOf(holder)`, or the holder's native balance for `'native'`.
   * @default []
   */
  balances?: readonly { holder: Address; token: Address | 'native' }[];
  /**
   * The Multicall3 contract that aggregates the reads (and answers `getEthBalance`).
   * @default client.chain.contracts.multicall3.address
   */
  multicallAddress?: Address;
}

/** What {@link readBridgeState} returns, in the order of the parameters. */
export interface ReadBridgeStateReturnType {
  /** Per contract: whether it is paused (`false`, unread, for one that is not pausable). */
  contracts: ({ address: Address; pausable: boolean } & ReadResult<boolean>)[];
  /** Per balance: the amount in the token's smallest unit (wei for `'native'`). */
  balances: ({ holder: Address; token: Address | 'native' } & ReadResult<bigint>)[];
}

/** Errors {@link readBridgeState} throws. */
export type ReadBridgeStateErrorType = RpcRequestFailedErrorType | OnchainError;

/**
 * Reads a bridge's on-chain health on one chain: `paused()` of its pausable contracts and its escrow balances.
 * Each read succeeds or fails on its own (a contract that reverts gives `ok: false`); only a node that does not
 * answer fails the whole call.
 *
 * - JSON-RPC: one `eth_call` of Multicall3 `aggregate3` (`allowFailure`, no chunking) holding every read, with
 *   `getEthBalance` for native balances. None when there is nothing to read.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link ReadBridgeStateParameters}
 * @returns Every read's outcome. {@link ReadBridgeStateReturnType}
 * @throws {@link RpcRequestFailedError} when no endpoint answers; {@link OnchainError} (`misconfigured`) when no
 * Multicall3 address is known.
 *
 * @example
 * const { contracts, balances } = await readBridgeState(client, {
 *   contracts: [{ address: escrow, pausable: true }],
 *   balances: [{ holder: escrow, token: 'native' }],
 * });
 */
export async function readBridgeState(
  client: Client<Transport, Chain | undefined>,
  { contracts = [], balances = [], multicallAddress = client.chain?.contracts?.multicall3?.address }: ReadBridgeStateParameters,
): Promise<ReadBridgeStateReturnType> {
  const chainId = client.chain?.id ?? null;
  if (!multicallAddress) {
    throw new OnchainError(`Chain ${chainId ?? '(unknown)'} has no Multicall3 address; configure one to read bridge state.`, {
      kind: 'misconfigured',
    });
  }
  const pausedCalls: ContractFunctionParameters[] = contracts
    .filter(({ pausable }) => pausable)
    .map(({ address }) => ({ address, abi: pausableAbi, functionName: 'paused' }));
  const balanceCalls: ContractFunctionParameters[] = balances.map(({ holder, token }) =>
    token === 'native'
      ? { address: multicallAddress, abi: multicall3Abi, functionName: 'getEthBalance', args: [holder] }
      : { address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] },
  );
  const calls = [...pausedCalls, ...balanceCalls];

  let entries: MulticallEntry[] = [];
  if (calls.length > 0) {
    try {
      // batchSize 0: no chunking, so every read travels in one eth_call.
      const options = { contracts: calls, allowFailure: true, batchSize: 0, multicallAddress } as const;
      entries = (await multicall(client, options)) as MulticallEntry[];
    } catch (error) {
      const contract = { address: multicallAddress, functionName: 'aggregate3' };
      throw toOnchainError(error, { operation: 'readBridgeState', chainId, contract });
    }
  }

  let next = 0;
  return {
    contracts: contracts.map((contract) =>
      contract.pausable
        ? { ...contract, ...toReadResult(entries[next++], (value) => value === true) }
        : { ...contract, ok: true, value: false, error: null },
    ),
    balances: balances.map((balance) => ({ ...balance, ...toReadResult(entries[next++], (value) => value as bigint) })),
  };
}
