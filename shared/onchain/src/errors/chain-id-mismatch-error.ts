import { OnchainError } from './onchain-error';

/** Parameters of {@link ChainIdMismatchError}. */
export interface ChainIdMismatchErrorParameters {
  /** The EIP-155 chain id the registry expects. */
  expectedChainId: number;
  /** The chain id the endpoint answered `eth_chainId` with. */
  actualChainId: number;
  /** The chain's name, for the message. */
  chainName?: string;
}

/** {@link ChainIdMismatchError}, by its `name`. */
export type ChainIdMismatchErrorType = ChainIdMismatchError & { name: 'ChainIdMismatchError' };

/**
 * An RPC endpoint serves a different chain than the registry says. Every read from it would be about the wrong
 * chain, so this is a configuration problem: `kind` is `'misconfigured'` (the chains service reports the chain
 * as `MISCONFIGURED`), the code stays `UPSTREAM_UNAVAILABLE`.
 */
export class ChainIdMismatchError extends OnchainError {
  override name = 'ChainIdMismatchError';
  /** The EIP-155 chain id the registry expects. */
  readonly expectedChainId: number;
  /** The chain id the endpoint answered with. */
  readonly actualChainId: number;

  constructor({ expectedChainId, actualChainId, chainName }: ChainIdMismatchErrorParameters) {
    const subject = chainName ? `${chainName}'s RPC endpoint` : 'The RPC endpoint';
    super(
      `${subject} serves chain id ${actualChainId}, not the expected ${expectedChainId}; ` +
        "fix the chain's endpoints or its chain id.",
      { kind: 'misconfigured', details: { 'Expected chain id': expectedChainId, 'Actual chain id': actualChainId } },
    );
    this.expectedChainId = expectedChainId;
    this.actualChainId = actualChainId;
  }
}
