import {
  errorReason,
  evaluateStoredProbes,
  readBridgeState,
  RpcRequestFailedError,
  verifyChainId,
  type ReadBridgeStateReturnType,
  type StoredProbeResult,
} from '@junction/onchain';
import type { Address } from 'viem';
import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import { BridgeContractRole } from '../types/enums';
import type { ChainClientRegistry } from '@junction/onchain';
import type { ChainEndpoints } from './chain-endpoint-directory';
import type { TokenMetadata, TokenMetadataReader } from './token-metadata-reader';

/** What a bridge has on one chain: its contracts and probes there. */
export interface ChainSide {
  /** The chain's id in the catalogue. */
  chainId: string;
  /** The chain as the chains subgraph has it; null when it does not know the id. */
  chain: ChainEndpoints | null;
  /** The bridge's contracts on this chain, by label. */
  contracts: BridgeContractEntity[];
  /** The bridge's probes on this chain, by label. */
  probes: BridgeProbeEntity[];
}

/** What was read on one chain. */
export type ChainSideObservation = ChainSide &
  (
    | {
        /** The chain answered. */
        readable: true;
        /** `paused()` and balances, in the order of `contracts` and of {@link balancesToRead}. */
        state: ReadBridgeStateReturnType;
        /** One per probe, in order. */
        probeOutcomes: StoredProbeResult[];
        /** Symbol and decimals of the ERC-20s read, by address. */
        tokens: Map<string, TokenMetadata>;
      }
    | {
        readable: false;
        /** Why the chain could not be read. */
        reason: string;
      }
  );

/** The balances health reads of a contract: native for an escrow, then every token it holds. */
export function balancesToRead(contract: BridgeContractEntity): Array<Address | 'native'> {
  const tokens = contract.heldTokens as Address[];
  return contract.role === BridgeContractRole.ESCROW ? ['native', ...tokens] : tokens;
}

/** Parameters of {@link observeChainSide}. */
export interface ObserveChainSideParameters {
  /** What to read, on which chain. */
  side: ChainSide;
  /** Where the chain's client comes from. */
  clients: ChainClientRegistry;
  /** Where held tokens' symbols and decimals come from. */
  tokenMetadata: TokenMetadataReader;
}

/**
 * Reads a bridge's side on one chain, all at once: `eth_chainId`, which must be the catalogue's (reads from another
 * chain are refused) and tells whether the chain answers at all; `paused()` of its pausable contracts and their
 * balances (`readBridgeState`) and its probes (`evaluateStoredProbes`), started together so that the client's multicall
 * batching sends them as one Multicall3 `eth_call` (viem splits it only past 1 KiB of calldata); token symbols and
 * decimals from a day-long cache. Never throws: a chain that cannot be read comes back `readable: false` with why.
 */
export async function observeChainSide({ side, clients, tokenMetadata }: ObserveChainSideParameters): Promise<ChainSideObservation> {
  const { contracts, probes } = side;
  const unconfigured = unconfiguredReason(side);
  if (unconfigured !== null) return { ...side, readable: false, reason: unconfigured };
  const chain = side.chain as ChainEndpoints; // known: unconfiguredReason is null only for a known chain
  try {
    const client = clients.clientFor({
      key: chain.id,
      chainId: chain.chainId,
      name: chain.name,
      urls: chain.endpoints.map((endpoint) => endpoint.url),
      blockTimeMs: chain.expectedBlockTimeMs,
    });
    // A multicall whose endpoints are all down does not throw: each of its reads fails on its own. The chain id
    // check does, so it says whether the reads are from this chain at all.
    const [, state, probeOutcomes, tokens] = await Promise.all([
      verifyChainId(client, { expectedChainId: chain.chainId }),
      readBridgeState(client, {
        contracts: contracts.map((contract) => ({ address: contract.address as Address, pausable: contract.pausable })),
        balances: contracts.flatMap((contract) => balancesToRead(contract).map((token) => ({ holder: contract.address as Address, token }))),
      }),
      evaluateStoredProbes(client, { probes }),
      tokenMetadata.read(client, chain, contracts.flatMap((contract) => contract.heldTokens)),
    ]);
    return { ...side, readable: true, state, probeOutcomes, tokens };
  } catch (error) {
    return { ...side, readable: false, reason: `${chain.name} cannot be read: ${unreadableReason(error)}` };
  }
}

/** Why a chain could not be read, in words: no endpoint answered (and how), or what else went wrong. */
function unreadableReason(error: unknown): string {
  if (!(error instanceof RpcRequestFailedError)) return errorReason(error);
  const how = {
    timeout: 'did not answer in time',
    unreachable: 'could not be reached',
    'http-status': `answered HTTP ${error.httpStatus}`,
    'rpc-error': `answered JSON-RPC error ${error.rpcCode}`,
    unknown: 'failed',
  }[error.failure];
  return `no RPC endpoint answers (the last one tried ${how}).`;
}

/** Why nothing can be read on the side's chain without trying (unknown chain, no endpoints); null when it can be tried. */
export function unconfiguredReason({ chain, chainId }: Pick<ChainSide, 'chain' | 'chainId'>): string | null {
  if (!chain) return `The chain ${chainId} is not in the catalogue, so nothing can be read on it.`;
  if (chain.endpoints.length === 0) return `No RPC endpoint is configured for ${chain.name}.`;
  return null;
}
