import type { BridgeHealthStatus } from '../types/bridge-health';
import type { BridgeContractRole } from '../types/enums';

/** One observation of a bridge's health, as cached (plain JSON: strings and numbers, no bigints, no URLs). */
export interface BridgeHealthSnapshot {
  status: BridgeHealthStatus;
  /** Why the status is what it is, in words. */
  reasons: string[];
  /** Every contract, by label. */
  contracts: ContractHealthSnapshot[];
  /** Every probe, by label. */
  probes: ProbeResultSnapshot[];
}

/** One contract as the observation saw it. */
export interface ContractHealthSnapshot {
  contractId: string;
  /** The chain's id in the catalogue. */
  chainId: string;
  address: string;
  role: BridgeContractRole;
  label: string;
  pausable: boolean;
  /** `paused()`; null when the contract is not pausable or the read failed. */
  paused: boolean | null;
  /** Whether its chain answered and its `paused()` (if pausable) could be read. */
  readable: boolean;
  /** Why it is not readable; null when it is. */
  reason: string | null;
  balances: TokenBalanceSnapshot[];
}

/** One balance of a contract: native (token null) or an ERC-20. */
export interface TokenBalanceSnapshot {
  /** The ERC-20's address; null for the chain's gas token. */
  token: string | null;
  symbol: string | null;
  decimals: number | null;
  /** In the token's smallest unit, as a decimal string; null when it could not be read. */
  rawAmount: string | null;
  /** `rawAmount` in whole tokens; null when it or the token's decimals are unknown. */
  amount: number | null;
  /** Why it could not be read; null when it was. */
  reason: string | null;
}

/** One probe's outcome. */
export interface ProbeResultSnapshot {
  probeId: string;
  label: string;
  chainId: string;
  address: string;
  passed: boolean;
  /** What the function returned, as text; null when it was not called or the call failed. */
  value: string | null;
  reason: string;
}

/** The most contracts of one bridge that health reads (by label): they travel in one multicall per chain. */
export const MAX_HEALTH_CONTRACTS = 200;
