import { BaseError as ViemBaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, type Address } from 'viem';
import { ContractReadFailedError } from '../errors/contract-read-failed-error';
import { OnchainError } from '../errors/onchain-error';
import { RpcRequestFailedError } from '../errors/rpc-request-failed-error';

/** Parameters of {@link toOnchainError}. */
export interface ToOnchainErrorParameters {
  /** The action that failed, e.g. `getChainHead`. */
  operation: string;
  /**
   * The chain the request was for.
   * @default null
   */
  chainId?: number | null;
  /** For a contract read: the contract and function, so a revert becomes a {@link ContractReadFailedError}. */
  contract?: { address: Address; functionName: string };
}

/**
 * Turns whatever an action caught into an {@link OnchainError}: an `OnchainError` passes through; a revert or an
 * empty result of a contract read becomes a {@link ContractReadFailedError}; anything else (transport, timeout,
 * JSON-RPC error) becomes a {@link RpcRequestFailedError}.
 */
export function toOnchainError(error: unknown, { operation, chainId = null, contract }: ToOnchainErrorParameters): OnchainError {
  if (error instanceof OnchainError) return error;
  const isRevert = (inner: unknown) =>
    inner instanceof ContractFunctionRevertedError || inner instanceof ContractFunctionZeroDataError;
  const reverted = error instanceof ViemBaseError && error.walk(isRevert) !== null;
  if (contract && reverted) return new ContractReadFailedError({ cause: error, operation, chainId, ...contract });
  return new RpcRequestFailedError({ cause: error, operation, chainId });
}
