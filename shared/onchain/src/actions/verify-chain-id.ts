import type { Chain, Client, Transport } from 'viem';
import { getChainId } from 'viem/actions';
import { ChainIdMismatchError, type ChainIdMismatchErrorType } from '../errors/chain-id-mismatch-error';
import type { RpcRequestFailedErrorType } from '../errors/rpc-request-failed-error';
import { toOnchainError } from '../utils/to-onchain-error';

/** Parameters of {@link verifyChainId}. */
export interface VerifyChainIdParameters {
  /** The EIP-155 chain id the registry says the endpoints serve. */
  expectedChainId: number;
}

/** What {@link verifyChainId} returns when the chain id matches. */
export interface VerifyChainIdReturnType {
  /** The chain id the endpoint answered with (equal to `expectedChainId`). */
  chainId: number;
}

/** Errors {@link verifyChainId} throws. */
export type VerifyChainIdErrorType = ChainIdMismatchErrorType | RpcRequestFailedErrorType;

/**
 * Checks that the client's endpoint serves the chain the registry expects, so that no read is reported for the
 * wrong chain. Through a fallback client this asks the endpoint the fallback picks; {@link probeEndpoints} asks
 * every endpoint.
 *
 * - JSON-RPC: one `eth_chainId`.
 *
 * @param client - The chain's client ({@link createChainClient}, or any viem client).
 * @param parameters - {@link VerifyChainIdParameters}
 * @returns The verified chain id. {@link VerifyChainIdReturnType}
 * @throws {@link ChainIdMismatchError} (`kind: 'misconfigured'`) when the endpoint serves another chain.
 * @throws {@link RpcRequestFailedError} when no endpoint answers.
 *
 * @example
 * await verifyChainId(client, { expectedChainId: 1 });
 */
export async function verifyChainId(
  client: Client<Transport, Chain | undefined>,
  { expectedChainId }: VerifyChainIdParameters,
): Promise<VerifyChainIdReturnType> {
  let chainId: number;
  try {
    chainId = await getChainId(client);
  } catch (error) {
    throw toOnchainError(error, { operation: 'verifyChainId', chainId: expectedChainId });
  }
  if (chainId !== expectedChainId) {
    throw new ChainIdMismatchError({ expectedChainId, actualChainId: chainId, chainName: client.chain?.name });
  }
  return { chainId };
}
