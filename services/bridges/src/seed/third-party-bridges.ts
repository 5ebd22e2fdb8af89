import { BridgeContractRole, BridgeKind, BridgeLifecycle, BridgeSecurityModel } from '../types/enums';
import type { SeedBridge, SeedContract, SeedRoute } from './catalogue';
import { MINUTE, USDC_ON_ETHEREUM } from './seed-figures';

/** A third-party bridge's published figures (SEED-FACTS "Cross-chain bridges compared", or conservative values). */
interface PublishedFigures {
  /** Average finality time. */
  durationSeconds: number;
  /** Gas fee range, Ethereum → Polygon. */
  feeUsdMin: number;
  feeUsdMax: number;
  /** Fee range of a 1 KB message. */
  messageFeeUsdMin: number;
  messageFeeUsdMax: number;
  /** Per-transfer limit; null = unlimited. */
  maxTransferUsd: number | null;
  /** Ethereum blocks the verifiers wait for before signing. */
  ethereumConfirmations: number;
}

/**
 * Source-chain confirmations assumed for routes leaving an L2 or Polygon PoS: about a minute or two of blocks.
 * Approximations (each application configures its own); the live health checks replace them.
 */
const L2_SOURCE_CONFIRMATIONS: Record<string, number> = { 'arbitrum-one': 240, 'op-mainnet': 30, base: 30, 'polygon-pos': 64 };

/**
 * USDC routes between Ethereum and each chain, both directions, with the bridge's published figures. Ethereum is
 * on one side of every route and its gas dominates the cost, so every route uses the published Ethereum → Polygon
 * fee range. The Ethereum side carries Circle's USDC address; the other side's token depends on the bridge.
 */
function usdcRoutes(chains: string[], figures: PublishedFigures): SeedRoute[] {
  const common = {
    tokenSymbol: 'USDC',
    expectedDurationSeconds: figures.durationSeconds,
    feeUsdMin: figures.feeUsdMin,
    feeUsdMax: figures.feeUsdMax,
    messageFeeUsdMin: figures.messageFeeUsdMin,
    messageFeeUsdMax: figures.messageFeeUsdMax,
    maxTransferUsd: figures.maxTransferUsd,
  };
  return chains.flatMap((chain): SeedRoute[] => [
    { ...common, source: 'ethereum', destination: chain, sourceTokenAddress: USDC_ON_ETHEREUM, destinationTokenAddress: null, confirmationsRequired: figures.ethereumConfirmations },
    { ...common, source: chain, destination: 'ethereum', sourceTokenAddress: null, destinationTokenAddress: USDC_ON_ETHEREUM, confirmationsRequired: L2_SOURCE_CONFIRMATIONS[chain] },
  ]);
}

/** The same contract on several chains (deterministic deployments). */
function onChains(chains: string[], address: string, role: BridgeContractRole, label: string, pauseFunctionSignature: string | null = null): SeedContract[] {
  return chains.map((chain) => ({ chain, address, role, label, pausable: pauseFunctionSignature !== null, pauseFunctionSignature }));
}

const MAJOR_L2S_AND_POLYGON = ['arbitrum-one', 'op-mainnet', 'base', 'polygon-pos'];

const PUBLISHED_NOTES =
  'Finality time, Ethereum → Polygon gas fee, max transfer, supported chains and 1 KB message fee are the published figures of the comparison this catalogue started from, applied to every seeded route (Ethereum is on one side of each). Confirmations are approximations. Pausability is recorded where it is documented.';

/** The roster's third-party bridges and messaging networks. */
export const THIRD_PARTY_BRIDGES: SeedBridge[] = [
  {
    slug: 'layerzero', name: 'LayerZero', kind: BridgeKind.THIRD_PARTY, provider: 'LayerZero',
    securityModel: BridgeSecurityModel.ORACLE_RELAYER,
    validatedBy: 'Decentralized Verifier Networks (DVNs) chosen by each application (X of Y of N verifiers must attest); an Executor delivers the verified message. Security is per application, not per network.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 50, operator: 'layerzero-labs',
    websiteUrl: 'https://layerzero.network', docsUrl: 'https://docs.layerzero.network', notes: PUBLISHED_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: onChains(['ethereum', ...MAJOR_L2S_AND_POLYGON], '0x1a44076050125825900e736c501f859c50fE728c', BridgeContractRole.MESSENGER, 'EndpointV2'),
    routes: usdcRoutes(MAJOR_L2S_AND_POLYGON, {
      durationSeconds: 2 * MINUTE, feeUsdMin: 10, feeUsdMax: 25, messageFeeUsdMin: 0.1, messageFeeUsdMax: 0.5, maxTransferUsd: null, ethereumConfirmations: 10,
    }),
  },
  {
    slug: 'axelar', name: 'Axelar', kind: BridgeKind.THIRD_PARTY, provider: 'Axelar',
    securityModel: BridgeSecurityModel.VALIDATOR_SET,
    validatedBy: 'The Axelar network: a proof-of-stake validator set (stake in AXL) that signs cross-chain messages by weighted threshold; users pay gas in the source chain token.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 55, operator: 'interop-labs',
    websiteUrl: 'https://axelar.network', docsUrl: 'https://docs.axelar.dev', notes: PUBLISHED_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      ...onChains(['ethereum'], '0x4F4495243837681061C4743b74B3eEdf548D56A5', BridgeContractRole.MESSENGER, 'Axelar Gateway'),
      ...onChains(['arbitrum-one'], '0xe432150cce91c13a887f7D836923d5597adD8E31', BridgeContractRole.MESSENGER, 'Axelar Gateway'),
      ...onChains(['polygon-pos'], '0x6f015F16De9fC8791b234eF68D486d2bF203FBA8', BridgeContractRole.MESSENGER, 'Axelar Gateway'),
    ],
    routes: usdcRoutes(MAJOR_L2S_AND_POLYGON, {
      durationSeconds: 5 * MINUTE, feeUsdMin: 15, feeUsdMax: 30, messageFeeUsdMin: 0.3, messageFeeUsdMax: 1, maxTransferUsd: 100_000, ethereumConfirmations: 25,
    }),
  },
  {
    slug: 'wormhole', name: 'Wormhole', kind: BridgeKind.THIRD_PARTY, provider: 'Wormhole',
    securityModel: BridgeSecurityModel.GUARDIAN_NETWORK,
    validatedBy: '19 Wormhole Guardians, 13 of 19 signatures: Guardians observe a message on the source chain and sign it (a VAA) for delivery on the destination.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 30, operator: 'wormhole-foundation',
    websiteUrl: 'https://wormhole.com', docsUrl: 'https://wormhole.com/docs', notes: PUBLISHED_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      ...onChains(['ethereum'], '0x98f3c9e6E3fAce36bAAd05FE09d375Ef1464288B', BridgeContractRole.MESSENGER, 'Wormhole Core (publishes messages, verifies Guardian signatures)'),
      ...onChains(['ethereum'], '0x3ee18B2214AFF97000D974cf647E7C347E8fa585', BridgeContractRole.ESCROW, 'Token Bridge (Portal) escrow'),
      ...onChains(['base'], '0xbebdb6C8ddC678FfA9f8748f85C815C556Dd8ac6', BridgeContractRole.MESSENGER, 'Wormhole Core (publishes messages, verifies Guardian signatures)'),
    ],
    routes: usdcRoutes(MAJOR_L2S_AND_POLYGON, {
      durationSeconds: 5 * MINUTE, feeUsdMin: 12, feeUsdMax: 28, messageFeeUsdMin: 0.15, messageFeeUsdMax: 0.7, maxTransferUsd: null, ethereumConfirmations: 25,
    }),
  },
  {
    slug: 'celer-cbridge', name: 'Celer cBridge', kind: BridgeKind.THIRD_PARTY, provider: 'Celer',
    securityModel: BridgeSecurityModel.VALIDATOR_SET,
    validatedBy: "Celer's State Guardian Network (SGN): proof-of-stake validators (stake in CELR); a transfer or message is released with signatures of validators holding more than 2/3 of the stake.",
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 40, operator: 'celer-network',
    websiteUrl: 'https://cbridge.celer.network', docsUrl: 'https://cbridge-docs.celer.network', notes: PUBLISHED_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      ...onChains(['ethereum'], '0x5427FEFA711Eff984124bFBB1AB6fbf5E3DA1820', BridgeContractRole.TOKEN_POOL, 'cBridge pool-based bridge', 'pause()'),
      ...onChains(['arbitrum-one'], '0x1619DE6B6B20eD217a58d00f37B9d47C7663feca', BridgeContractRole.TOKEN_POOL, 'cBridge pool-based bridge', 'pause()'),
      ...onChains(['op-mainnet'], '0x9D39Fc627A6d9d9F8C831c16995b209548cc3401', BridgeContractRole.TOKEN_POOL, 'cBridge pool-based bridge', 'pause()'),
    ],
    routes: usdcRoutes(['arbitrum-one', 'op-mainnet', 'polygon-pos'], {
      durationSeconds: 3 * MINUTE, feeUsdMin: 8, feeUsdMax: 20, messageFeeUsdMin: 0.05, messageFeeUsdMax: 0.3, maxTransferUsd: 50_000, ethereumConfirmations: 15,
    }),
  },
  {
    slug: 'hyperlane', name: 'Hyperlane', kind: BridgeKind.THIRD_PARTY, provider: 'Hyperlane',
    securityModel: BridgeSecurityModel.ISM_CONFIGURABLE,
    validatedBy: 'The Interchain Security Module each application chooses; by default a multisig ISM of validators that sign the origin Mailbox (m of n per origin chain). Route figures are conservative estimates, not published ones.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 100, operator: 'abacus-works',
    websiteUrl: 'https://hyperlane.xyz', docsUrl: 'https://docs.hyperlane.xyz',
    notes: 'Not in the published comparison: finality time, fees and message fees are conservative estimates (slower and dearer than the compared bridges), max transfer is a conservative 50,000 USD placeholder (warp routes set their own limits), and 100 is a lower bound of the chains Hyperlane is deployed on. Confirmations are approximations.',
    status: BridgeLifecycle.ACTIVE,
    contracts: onChains(['ethereum'], '0xc005dc82818d67AF737725bD4bf75435d065D239', BridgeContractRole.MESSENGER, 'Mailbox'),
    routes: usdcRoutes(MAJOR_L2S_AND_POLYGON, {
      durationSeconds: 10 * MINUTE, feeUsdMin: 10, feeUsdMax: 30, messageFeeUsdMin: 0.2, messageFeeUsdMax: 1, maxTransferUsd: 50_000, ethereumConfirmations: 15,
    }),
  },
  {
    slug: 'chainlink-ccip', name: 'Chainlink CCIP', kind: BridgeKind.THIRD_PARTY, provider: 'Chainlink',
    securityModel: BridgeSecurityModel.RISK_MANAGEMENT_NETWORK,
    validatedBy: 'Chainlink decentralized oracle networks commit and execute messages once the source chain is final; an independent Risk Management Network verifies them and can curse (halt) a lane. Route figures are conservative estimates, not published ones.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 50, operator: 'chainlink-labs',
    websiteUrl: 'https://chain.link/cross-chain', docsUrl: 'https://docs.chain.link/ccip',
    notes: 'Not in the published comparison: CCIP waits for source-chain finality (about 15 minutes on Ethereum), so routes use a conservative 20 minutes; fees and message fees are conservative estimates (payable in LINK or the gas token); lanes are rate-limited per token pool, so max transfer is a conservative 50,000 USD placeholder; 50 is a lower bound of the supported chains. Confirmations from L2s are approximations.',
    status: BridgeLifecycle.ACTIVE,
    contracts: [
      ...onChains(['ethereum'], '0x80226fc0Ee2b096224EeAc085Bb9a8cba1146f7D', BridgeContractRole.ROUTER, 'CCIP Router'),
      ...onChains(['arbitrum-one'], '0x141fa059441E0ca23ce184B6A78bafD2A517DdE8', BridgeContractRole.ROUTER, 'CCIP Router'),
      ...onChains(['base'], '0x881e3A65B4d4a04dD529061dd0071cf975F58bCD', BridgeContractRole.ROUTER, 'CCIP Router'),
    ],
    routes: usdcRoutes(MAJOR_L2S_AND_POLYGON, {
      durationSeconds: 20 * MINUTE, feeUsdMin: 15, feeUsdMax: 35, messageFeeUsdMin: 0.5, messageFeeUsdMax: 2, maxTransferUsd: 50_000, ethereumConfirmations: 64,
    }),
  },
];
