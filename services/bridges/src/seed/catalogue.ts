import type { BridgeContractRole, BridgeKind, BridgeLifecycle, BridgeSecurityModel } from '../types/enums';
import { CANONICAL_BRIDGES } from './canonical-bridges';
import { THIRD_PARTY_BRIDGES } from './third-party-bridges';

/** A contract of a seed bridge; `chain` is a chain slug of the chains seed. */
export interface SeedContract {
  chain: string;
  address: string;
  role: BridgeContractRole;
  label: string;
  pausable: boolean;
  pauseFunctionSignature: string | null;
}

/** A route of a seed bridge; `source` and `destination` are chain slugs of the chains seed. */
export interface SeedRoute {
  source: string;
  destination: string;
  tokenSymbol: string;
  sourceTokenAddress: string | null;
  destinationTokenAddress: string | null;
  expectedDurationSeconds: number;
  feeUsdMin: number;
  feeUsdMax: number;
  messageFeeUsdMin: number | null;
  messageFeeUsdMax: number | null;
  maxTransferUsd: number | null;
  confirmationsRequired: number;
}

/** A bridge of the seed catalogue; `operator` is a partner slug of the partners seed. */
export interface SeedBridge {
  slug: string;
  name: string;
  kind: BridgeKind;
  provider: string;
  securityModel: BridgeSecurityModel;
  validatedBy: string;
  arbitraryMessaging: boolean;
  nativeTokenRequired: boolean;
  supportedChainsCount: number;
  operator: string;
  websiteUrl: string;
  docsUrl: string;
  notes: string;
  status: BridgeLifecycle;
  contracts: SeedContract[];
  routes: SeedRoute[];
}

/** The 13 bridges of the roster: seven canonical bridges, six third-party networks. */
export const SEED_BRIDGES: SeedBridge[] = [...CANONICAL_BRIDGES, ...THIRD_PARTY_BRIDGES];
