import type { RiskSummaryRecord } from '../entities/chain.entity';
import { ChainKind, ChainLifecycle, ChainStack, DataAvailabilityLayer, RiskLevel, RollupStage, SequencerModel } from '../types/enums';

/** A chain of the seed catalogue, with its public RPC endpoints. */
export interface SeedChain {
  slug: string;
  name: string;
  chainId: number;
  kind: ChainKind;
  stack: ChainStack;
  settlement: string | null;
  daLayer: DataAvailabilityLayer;
  sequencerModel: SequencerModel;
  expectedBlockTimeMs: number;
  finalityTargetSeconds: number;
  gasTokenSymbol: string;
  explorerUrl: string;
  websiteUrl: string;
  status: ChainLifecycle;
  stage: RollupStage;
  risk: RiskSummaryRecord | null;
  rpcUrls: string[];
}

const SEVEN_DAYS = 7 * 24 * 60 * 60;
const TWENTY_MINUTES = 20 * 60;

const optimisticRisk = (exitWindow: string, proposer: string): RiskSummaryRecord => ({
  stateValidation: { level: RiskLevel.MEDIUM, note: 'Fraud proofs: anyone can challenge a state root during the 7-day window.' },
  dataAvailability: { level: RiskLevel.LOW, note: 'All transaction data is posted to Ethereum.' },
  exitWindow: { level: RiskLevel.MEDIUM, note: exitWindow },
  sequencerFailure: { level: RiskLevel.LOW, note: 'Users can force transactions through the L1 inbox.' },
  proposerFailure: { level: RiskLevel.LOW, note: proposer },
});

const zkRisk = (exitWindow: string, proposer: string): RiskSummaryRecord => ({
  stateValidation: { level: RiskLevel.LOW, note: 'Validity proofs are verified on Ethereum before state is final.' },
  dataAvailability: { level: RiskLevel.LOW, note: 'State diffs or transaction data are posted to Ethereum.' },
  exitWindow: { level: RiskLevel.HIGH, note: exitWindow },
  sequencerFailure: { level: RiskLevel.MEDIUM, note: 'Forced inclusion depends on the operator honouring the L1 queue.' },
  proposerFailure: { level: RiskLevel.HIGH, note: proposer },
});

/**
 * Real networks with their EIP-155 chain ids and public RPC endpoints. Finality targets follow the published
 * estimates (7-day challenge period for optimistic rollups, under 20 minutes for ZK rollups).
 */
export const SEED_CHAINS: SeedChain[] = [
  {
    slug: 'ethereum', name: 'Ethereum', chainId: 1, kind: ChainKind.L1, stack: ChainStack.ETHEREUM, settlement: null,
    daLayer: DataAvailabilityLayer.SELF, sequencerModel: SequencerModel.PROOF_OF_STAKE, expectedBlockTimeMs: 12_000,
    finalityTargetSeconds: 900, gasTokenSymbol: 'ETH', explorerUrl: 'https://etherscan.io', websiteUrl: 'https://ethereum.org',
    status: ChainLifecycle.LIVE, stage: RollupStage.NOT_APPLICABLE, risk: null,
    rpcUrls: ['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com', 'https://cloudflare-eth.com'],
  },
  {
    slug: 'sepolia', name: 'Sepolia', chainId: 11_155_111, kind: ChainKind.L1, stack: ChainStack.ETHEREUM, settlement: null,
    daLayer: DataAvailabilityLayer.SELF, sequencerModel: SequencerModel.PROOF_OF_STAKE, expectedBlockTimeMs: 12_000,
    finalityTargetSeconds: 900, gasTokenSymbol: 'ETH', explorerUrl: 'https://sepolia.etherscan.io', websiteUrl: 'https://ethereum.org',
    status: ChainLifecycle.TESTNET, stage: RollupStage.NOT_APPLICABLE, risk: null,
    rpcUrls: ['https://ethereum-sepolia-rpc.publicnode.com', 'https://rpc.sepolia.org'],
  },
  {
    slug: 'arbitrum-one', name: 'Arbitrum One', chainId: 42_161, kind: ChainKind.OPTIMISTIC_ROLLUP, stack: ChainStack.ARBITRUM_NITRO,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 250, finalityTargetSeconds: SEVEN_DAYS, gasTokenSymbol: 'ETH', explorerUrl: 'https://arbiscan.io',
    websiteUrl: 'https://arbitrum.io', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_1,
    risk: optimisticRisk('Upgrades by the Security Council can be immediate; others wait 8 days.', 'Permissionless validation (BoLD) lets anyone propose.'),
    rpcUrls: ['https://arb1.arbitrum.io/rpc', 'https://arbitrum-one-rpc.publicnode.com'],
  },
  {
    slug: 'arbitrum-nova', name: 'Arbitrum Nova', chainId: 42_170, kind: ChainKind.OPTIMIUM, stack: ChainStack.ARBITRUM_NITRO,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.DAC, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 250, finalityTargetSeconds: SEVEN_DAYS, gasTokenSymbol: 'ETH', explorerUrl: 'https://nova.arbiscan.io',
    websiteUrl: 'https://arbitrum.io', status: ChainLifecycle.LIVE, stage: RollupStage.NOT_APPLICABLE,
    risk: {
      ...optimisticRisk('Upgrades by the Security Council can be immediate.', 'Whitelisted validators propose state roots.'),
      dataAvailability: { level: RiskLevel.HIGH, note: 'Data is held by a data availability committee (AnyTrust), not posted to Ethereum.' },
    },
    rpcUrls: ['https://nova.arbitrum.io/rpc'],
  },
  {
    slug: 'op-mainnet', name: 'OP Mainnet', chainId: 10, kind: ChainKind.OPTIMISTIC_ROLLUP, stack: ChainStack.OP_STACK,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 2_000, finalityTargetSeconds: SEVEN_DAYS, gasTokenSymbol: 'ETH', explorerUrl: 'https://optimistic.etherscan.io',
    websiteUrl: 'https://optimism.io', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_1,
    risk: optimisticRisk('Upgrades by the Security Council have no delay.', 'Permissionless fault proofs let anyone propose.'),
    rpcUrls: ['https://mainnet.optimism.io', 'https://optimism-rpc.publicnode.com'],
  },
  {
    slug: 'base', name: 'Base', chainId: 8_453, kind: ChainKind.OPTIMISTIC_ROLLUP, stack: ChainStack.OP_STACK,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 2_000, finalityTargetSeconds: SEVEN_DAYS, gasTokenSymbol: 'ETH', explorerUrl: 'https://basescan.org',
    websiteUrl: 'https://base.org', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_1,
    risk: optimisticRisk('Upgrades by the Security Council have no delay.', 'Permissionless fault proofs let anyone propose.'),
    rpcUrls: ['https://mainnet.base.org', 'https://base-rpc.publicnode.com'],
  },
  {
    slug: 'blast', name: 'Blast', chainId: 81_457, kind: ChainKind.OPTIMISTIC_ROLLUP, stack: ChainStack.OP_STACK,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 2_000, finalityTargetSeconds: SEVEN_DAYS, gasTokenSymbol: 'ETH', explorerUrl: 'https://blastscan.io',
    websiteUrl: 'https://blast.io', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_0,
    risk: {
      ...optimisticRisk('Upgrades by a multisig have no delay.', 'Only the permissioned proposer can publish state roots.'),
      stateValidation: { level: RiskLevel.HIGH, note: 'No fault proofs: state roots are trusted.' },
    },
    rpcUrls: ['https://rpc.blast.io'],
  },
  {
    slug: 'zksync-era', name: 'ZKsync Era', chainId: 324, kind: ChainKind.ZK_ROLLUP, stack: ChainStack.ZK_STACK,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 1_000, finalityTargetSeconds: TWENTY_MINUTES, gasTokenSymbol: 'ETH', explorerUrl: 'https://explorer.zksync.io',
    websiteUrl: 'https://zksync.io', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_1,
    risk: zkRisk('Emergency upgrades by the Security Council have no delay.', 'Only whitelisted validators can submit proofs.'),
    rpcUrls: ['https://mainnet.era.zksync.io', 'https://zksync.drpc.org'],
  },
  {
    slug: 'scroll', name: 'Scroll', chainId: 534_352, kind: ChainKind.ZK_ROLLUP, stack: ChainStack.SCROLL,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 3_000, finalityTargetSeconds: TWENTY_MINUTES, gasTokenSymbol: 'ETH', explorerUrl: 'https://scrollscan.com',
    websiteUrl: 'https://scroll.io', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_1,
    risk: zkRisk('Upgrades by the Security Council have no delay.', 'Users can enforce withdrawals after a period of proposer inactivity.'),
    rpcUrls: ['https://rpc.scroll.io', 'https://scroll-rpc.publicnode.com'],
  },
  {
    slug: 'linea', name: 'Linea', chainId: 59_144, kind: ChainKind.ZK_ROLLUP, stack: ChainStack.LINEA,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_BLOBS, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 2_000, finalityTargetSeconds: TWENTY_MINUTES, gasTokenSymbol: 'ETH', explorerUrl: 'https://lineascan.build',
    websiteUrl: 'https://linea.build', status: ChainLifecycle.LIVE, stage: RollupStage.STAGE_0,
    risk: zkRisk('Upgrades by a multisig have no delay.', 'Only the operator can submit proofs; withdrawals stop if it does.'),
    rpcUrls: ['https://rpc.linea.build', 'https://linea-rpc.publicnode.com'],
  },
  {
    slug: 'polygon-zkevm', name: 'Polygon zkEVM', chainId: 1_101, kind: ChainKind.ZK_ROLLUP, stack: ChainStack.POLYGON_CDK,
    settlement: 'ethereum', daLayer: DataAvailabilityLayer.ETHEREUM_CALLDATA, sequencerModel: SequencerModel.CENTRALIZED,
    expectedBlockTimeMs: 3_000, finalityTargetSeconds: TWENTY_MINUTES, gasTokenSymbol: 'ETH', explorerUrl: 'https://zkevm.polygonscan.com',
    websiteUrl: 'https://polygon.technology', status: ChainLifecycle.DEPRECATED, stage: RollupStage.STAGE_0,
    risk: zkRisk('Upgrades by a multisig have no delay.', 'Only the trusted aggregator can submit proofs.'),
    rpcUrls: ['https://zkevm-rpc.com'],
  },
  {
    slug: 'polygon-pos', name: 'Polygon PoS', chainId: 137, kind: ChainKind.SIDECHAIN, stack: ChainStack.POLYGON_POS, settlement: null,
    daLayer: DataAvailabilityLayer.SELF, sequencerModel: SequencerModel.PROOF_OF_STAKE, expectedBlockTimeMs: 2_000,
    finalityTargetSeconds: 10, gasTokenSymbol: 'POL', explorerUrl: 'https://polygonscan.com', websiteUrl: 'https://polygon.technology',
    status: ChainLifecycle.LIVE, stage: RollupStage.NOT_APPLICABLE, risk: null,
    rpcUrls: ['https://polygon-rpc.com', 'https://polygon-bor-rpc.publicnode.com'],
  },
];
