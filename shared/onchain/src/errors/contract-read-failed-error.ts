import type { Address } from 'viem';
import { OnchainError } from './onchain-error';

/** Parameters of {@link ContractReadFailedError}. */
export interface ContractReadFailedErrorParameters {
  /** The error viem threw (a revert, or no data from an address without code). */
  cause: unknown;
  /** The action that failed, e.g. `readSequencerUptime`. */
  operation: string;
  /** The contract that was called. */
  address: Address;
  /** The function that was called, e.g. `latestRoundData`. */
  functionName: string;
  /**
   * The chain the contract is on, when the client knows it.
   * @default null
   */
  chainId?: number | null;
}

/** {@link ContractReadFailedError}, by its `name`. */
export type ContractReadFailedErrorType = ContractReadFailedError & { name: 'ContractReadFailedError' };

/**
 * The node answered, but the contract call reverted or returned no data: the configured address is not the
 * contract it is said to be (or has no code on this chain). `kind` is `'misconfigured'`.
 */
export class ContractReadFailedError extends OnchainError {
  override name = 'ContractReadFailedError';
  /** The action that failed. */
  readonly operation: string;
  /** The contract that was called. */
  readonly address: Address;
  /** The function that was called. */
  readonly functionName: string;
  /** The chain the contract is on, or `null` when the client has no chain. */
  readonly chainId: number | null;

  constructor({ cause, operation, address, functionName, chainId = null }: ContractReadFailedErrorParameters) {
    const chain = chainId === null ? '' : ` on chain ${chainId}`;
    const shortMessage =
      `${functionName}() at ${address}${chain} reverted or returned no data; ` +
      'check that the configured address is the right contract.';
    super(shortMessage, {
      kind: 'misconfigured',
      details: { Operation: operation, Contract: address, Function: functionName, 'Chain id': chainId },
      cause,
    });
    this.operation = operation;
    this.address = address;
    this.functionName = functionName;
    this.chainId = chainId;
  }
}
