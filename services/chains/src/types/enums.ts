import { registerEnumType } from 'type-graphql';

/** What kind of chain this is. */
export enum ChainKind {
  L1 = 'L1',
  OPTIMISTIC_ROLLUP = 'OPTIMISTIC_ROLLUP',
  ZK_ROLLUP = 'ZK_ROLLUP',
  VALIDIUM = 'VALIDIUM',
  OPTIMIUM = 'OPTIMIUM',
  SIDECHAIN = 'SIDECHAIN',
  APP_CHAIN = 'APP_CHAIN',
}

/** The software stack a chain is built on. */
export enum ChainStack {
  ETHEREUM = 'ETHEREUM',
  OP_STACK = 'OP_STACK',
  ARBITRUM_NITRO = 'ARBITRUM_NITRO',
  ZK_STACK = 'ZK_STACK',
  POLYGON_CDK = 'POLYGON_CDK',
  POLYGON_POS = 'POLYGON_POS',
  SCROLL = 'SCROLL',
  LINEA = 'LINEA',
  STARKNET = 'STARKNET',
  CUSTOM = 'CUSTOM',
}

/** Where a chain publishes its transaction data. */
export enum DataAvailabilityLayer {
  SELF = 'SELF',
  ETHEREUM_BLOBS = 'ETHEREUM_BLOBS',
  ETHEREUM_CALLDATA = 'ETHEREUM_CALLDATA',
  CELESTIA = 'CELESTIA',
  EIGENDA = 'EIGENDA',
  AVAIL = 'AVAIL',
  DAC = 'DAC',
}

/** Who orders transactions. */
export enum SequencerModel {
  PROOF_OF_STAKE = 'PROOF_OF_STAKE',
  CENTRALIZED = 'CENTRALIZED',
  SHARED = 'SHARED',
  DECENTRALIZED = 'DECENTRALIZED',
  BASED = 'BASED',
}

/** Where a chain is in its life. */
export enum ChainLifecycle {
  PLANNED = 'PLANNED',
  TESTNET = 'TESTNET',
  LIVE = 'LIVE',
  DEPRECATED = 'DEPRECATED',
}

/** L2BEAT's rollup stages; NOT_APPLICABLE for L1s and sidechains. */
export enum RollupStage {
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  STAGE_0 = 'STAGE_0',
  STAGE_1 = 'STAGE_1',
  STAGE_2 = 'STAGE_2',
}

/** How much risk one aspect of a chain carries. */
export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

registerEnumType(ChainKind, { name: 'ChainKind', description: 'What kind of chain this is.' });
registerEnumType(ChainStack, { name: 'ChainStack', description: 'The software stack a chain is built on.' });
registerEnumType(DataAvailabilityLayer, { name: 'DataAvailabilityLayer', description: 'Where a chain publishes its transaction data.' });
registerEnumType(SequencerModel, { name: 'SequencerModel', description: 'Who orders transactions.' });
registerEnumType(ChainLifecycle, { name: 'ChainLifecycle', description: 'Where a chain is in its life.' });
registerEnumType(RollupStage, { name: 'RollupStage', description: "L2BEAT's rollup maturity stages." });
registerEnumType(RiskLevel, { name: 'RiskLevel', description: 'How much risk one aspect of a chain carries.' });
