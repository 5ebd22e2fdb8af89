import { BridgeContractRole, BridgeKind, BridgeLifecycle, BridgeSecurityModel } from '../types/enums';
import type { SeedBridge, SeedContract, SeedRoute } from './catalogue';
import { DAY, HOUR, l1GasFeeUsd, MINUTE } from './seed-figures';

/**
 * ETH routes of a canonical bridge between Ethereum and one L2, both directions. Deposits wait for the stated
 * Ethereum confirmations; withdrawals are counted from inclusion on the L2 (confirmations 1) and take as long as
 * the proof or challenge window. Fees are the Ethereum gas of the L1 transactions (see `l1GasFeeUsd`).
 * `l2EthToken` is the token ETH becomes on the L2 when it is not the L2's gas token (WETH on Polygon PoS).
 */
function ethRoutes(
  l2: string,
  deposit: { seconds: number; l1Gas: number; confirmations: number },
  withdrawal: { seconds: number; l1Gas: number },
  l2EthToken: string | null = null,
): SeedRoute[] {
  const common = { tokenSymbol: 'ETH', messageFeeUsdMin: null, messageFeeUsdMax: null, maxTransferUsd: null };
  return [
    {
      ...common, source: 'ethereum', destination: l2, sourceTokenAddress: null, destinationTokenAddress: l2EthToken,
      expectedDurationSeconds: deposit.seconds, ...l1GasFeeUsd(deposit.l1Gas), confirmationsRequired: deposit.confirmations,
    },
    {
      ...common, source: l2, destination: 'ethereum', sourceTokenAddress: l2EthToken, destinationTokenAddress: null,
      expectedDurationSeconds: withdrawal.seconds, ...l1GasFeeUsd(withdrawal.l1Gas), confirmationsRequired: 1,
    },
  ];
}

/** WETH on Polygon PoS: what bridged ETH becomes there (POL is Polygon's gas token). */
const POLYGON_POS_WETH = '0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619';

/** A contract on Ethereum (every canonical contract seeded here is an L1 contract). */
function l1(address: string, role: BridgeContractRole, label: string, pauseFunctionSignature: string | null = null, pausable = pauseFunctionSignature !== null): SeedContract {
  return { chain: 'ethereum', address, role, label, pausable, pauseFunctionSignature };
}

const CANONICAL_NOTES =
  'Durations are the published typical times; fees are estimates of the Ethereum gas of the L1 transactions at 1-30 gwei and ETH at 3,000 USD. ' +
  'Contracts are the L1 escrows, messengers and verifiers; pausability is recorded where it is documented (upgradeable contracts can also be changed by their admin).';

const OP_STACK_PAUSE = 'paused through SuperchainConfig by the Guardian';

/** The canonical bridges of the roster's rollups and of Polygon PoS, with their L1 contracts. */
export const CANONICAL_BRIDGES: SeedBridge[] = [
  {
    slug: 'arbitrum-bridge', name: 'Arbitrum Bridge', kind: BridgeKind.CANONICAL, provider: 'Arbitrum',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'The rollups themselves: Arbitrum One state is asserted on Ethereum and secured by BoLD fraud proofs that anyone can submit; Arbitrum Nova by permissioned validators and its data availability committee. Withdrawals wait out the challenge period of about 7 days.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 3, operator: 'offchain-labs',
    websiteUrl: 'https://bridge.arbitrum.io', docsUrl: 'https://docs.arbitrum.io', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a', BridgeContractRole.ESCROW, 'Arbitrum One Bridge (holds bridged ETH)'),
      l1('0xa3A7B6F88361F48403514059F1F16C8E78d60EeC', BridgeContractRole.ESCROW, 'Arbitrum One L1ERC20Gateway (standard token escrow)'),
      l1('0x72Ce9c846789fdB6fC1f34aC4AD25Dd9ef7031ef', BridgeContractRole.ROUTER, 'Arbitrum One L1GatewayRouter'),
      l1('0x4Dbd4fc535Ac27206064B68FfCf827b0A60BAB3f', BridgeContractRole.MESSENGER, 'Arbitrum One Inbox (deposits, retryable tickets)', 'pause()'),
      l1('0x0B9857ae2D4A3DBe74ffE1d7DF045bb7F96E4840', BridgeContractRole.MESSENGER, 'Arbitrum One Outbox (executes withdrawals)'),
      l1('0x5eF0D09d1E6204141B4d37530808eD19f60FBa35', BridgeContractRole.VERIFIER, 'Arbitrum One Rollup (assertions and challenges)', 'pause()'),
      l1('0xC1Ebd02f738644983b6C4B2d440b8e77DdE276Bd', BridgeContractRole.ESCROW, 'Arbitrum Nova Bridge (holds bridged ETH)'),
      l1('0xB2535b988dcE19f9D71dfB22dB6da744aCac21bf', BridgeContractRole.ESCROW, 'Arbitrum Nova L1ERC20Gateway (standard token escrow)'),
      l1('0xC840838Bc438d73C16c2f8b22D2Ce3669963cD48', BridgeContractRole.ROUTER, 'Arbitrum Nova L1GatewayRouter'),
      l1('0xc4448b71118c9071Bcb9734A0EAc55D18A153949', BridgeContractRole.MESSENGER, 'Arbitrum Nova Inbox (deposits, retryable tickets)', 'pause()'),
    ],
    routes: [
      ...ethRoutes('arbitrum-one', { seconds: 10 * MINUTE, l1Gas: 100_000, confirmations: 64 }, { seconds: 7 * DAY, l1Gas: 150_000 }),
      ...ethRoutes('arbitrum-nova', { seconds: 10 * MINUTE, l1Gas: 100_000, confirmations: 64 }, { seconds: 7 * DAY, l1Gas: 150_000 }),
    ],
  },
  {
    slug: 'op-standard-bridge', name: 'OP Standard Bridge', kind: BridgeKind.CANONICAL, provider: 'Optimism (OP Stack)',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'OP Mainnet itself: withdrawals are proven against output roots settled by permissionless fault proofs (dispute games) on Ethereum and finalized after the 7-day challenge window.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'op-labs',
    websiteUrl: 'https://optimism.io', docsUrl: 'https://docs.optimism.io', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0x99C9fc46f92E8a1c0deC1b1747d010903E884bE1', BridgeContractRole.ESCROW, `L1StandardBridge (token escrow; ${OP_STACK_PAUSE})`, null, true),
      l1('0xbEb5Fc579115071764c7423A4f12eDde41f106Ed', BridgeContractRole.ESCROW, `OptimismPortal (holds bridged ETH, proves withdrawals; ${OP_STACK_PAUSE})`, null, true),
      l1('0x25ace71c97B33Cc4729CF772ae268934F7ab5fA1', BridgeContractRole.MESSENGER, `L1CrossDomainMessenger (${OP_STACK_PAUSE})`, null, true),
      l1('0xe5965Ab5962eDc7477C8520243A95517CD252fA9', BridgeContractRole.VERIFIER, 'DisputeGameFactory (fault proofs)'),
    ],
    routes: ethRoutes('op-mainnet', { seconds: 3 * MINUTE, l1Gas: 100_000, confirmations: 4 }, { seconds: 7 * DAY, l1Gas: 450_000 }),
  },
  {
    slug: 'base-bridge', name: 'Base Bridge', kind: BridgeKind.CANONICAL, provider: 'Base (OP Stack)',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'Base itself: withdrawals are proven against output roots settled by permissionless fault proofs (dispute games) on Ethereum and finalized after the 7-day challenge window.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'base-team',
    websiteUrl: 'https://base.org', docsUrl: 'https://docs.base.org', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0x3154Cf16ccdb4C6d922629664174b904d80F2C35', BridgeContractRole.ESCROW, `L1StandardBridge (token escrow; ${OP_STACK_PAUSE})`, null, true),
      l1('0x49048044D57e1C92A77f79988d21Fa8fAF74E97e', BridgeContractRole.ESCROW, `OptimismPortal (holds bridged ETH, proves withdrawals; ${OP_STACK_PAUSE})`, null, true),
      l1('0x866E82a600A1414e583f7F13623F1aC5d58b0Afa', BridgeContractRole.MESSENGER, `L1CrossDomainMessenger (${OP_STACK_PAUSE})`, null, true),
      l1('0x43edB88C4B80fDD2AdFF2412A7BebF9dF42cB40e', BridgeContractRole.VERIFIER, 'DisputeGameFactory (fault proofs)'),
    ],
    routes: ethRoutes('base', { seconds: 3 * MINUTE, l1Gas: 100_000, confirmations: 4 }, { seconds: 7 * DAY, l1Gas: 450_000 }),
  },
  {
    slug: 'zksync-era-bridge', name: 'ZKsync Era Bridge', kind: BridgeKind.CANONICAL, provider: 'ZKsync',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'ZKsync Era itself: validity proofs of each batch are verified on Ethereum before the batch is executed; withdrawals are final after execution, which follows an execution delay of a few hours.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'matter-labs',
    websiteUrl: 'https://zksync.io', docsUrl: 'https://docs.zksync.io', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0x32400084C286CF3E17e7B677ea9583e60a000324', BridgeContractRole.VERIFIER, 'ZKsync Era diamond proxy (commits, proves and executes batches)', 'freezeDiamond()'),
      l1('0x303a465B659cBB0ab36eE643eA362c509EEb5213', BridgeContractRole.ROUTER, 'Bridgehub (entry point of deposits for ZK Stack chains)'),
      l1('0xbeD1EB542f9a5aA6419Ff3deb921A372681111f6', BridgeContractRole.ESCROW, 'L1NativeTokenVault (escrow of ZK Stack chains, ETH included)'),
    ],
    routes: ethRoutes('zksync-era', { seconds: 15 * MINUTE, l1Gas: 150_000, confirmations: 64 }, { seconds: 3 * HOUR, l1Gas: 150_000 }),
  },
  {
    slug: 'scroll-bridge', name: 'Scroll Bridge', kind: BridgeKind.CANONICAL, provider: 'Scroll',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'Scroll itself: validity proofs of each batch are verified on Ethereum by ScrollChain; a withdrawal can be claimed on Ethereum once its batch is finalized.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'scroll-tech',
    websiteUrl: 'https://scroll.io/bridge', docsUrl: 'https://docs.scroll.io', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0xF8B1378579659D8F7EE5f3C929c2f3E332E41Fd6', BridgeContractRole.ROUTER, 'L1GatewayRouter'),
      l1('0x6774Bcbd5ceCeF1336b5300fb5186a12DDD8b367', BridgeContractRole.MESSENGER, 'L1ScrollMessenger (holds bridged ETH)', 'setPause(bool)'),
      l1('0x7F2b8C31F88B6006c382775eea88297Ec1e3E905', BridgeContractRole.ROUTER, 'L1ETHGateway (forwards ETH to the messenger)'),
      l1('0xD8A791fE2bE73eb6E6cF1eb0cb3F36adC9B3F8f9', BridgeContractRole.ESCROW, 'L1StandardERC20Gateway (standard token escrow)'),
      l1('0xa13BAF47339d63B743e7Da8741db5456DAc1E556', BridgeContractRole.VERIFIER, 'ScrollChain (commits and finalizes batches with validity proofs)', 'setPause(bool)'),
    ],
    routes: ethRoutes('scroll', { seconds: 15 * MINUTE, l1Gas: 150_000, confirmations: 64 }, { seconds: 2 * HOUR, l1Gas: 200_000 }),
  },
  {
    slug: 'linea-bridge', name: 'Linea Bridge', kind: BridgeKind.CANONICAL, provider: 'Linea',
    securityModel: BridgeSecurityModel.NATIVE_ROLLUP_PROOFS,
    validatedBy: 'Linea itself: validity proofs are verified on Ethereum by the LineaRollup contract; withdrawals can be claimed once the L2 block is finalized on Ethereum (about 8 to 32 hours).',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'consensys',
    websiteUrl: 'https://linea.build', docsUrl: 'https://docs.linea.build', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0xd19d4B5d358258f05D7B411E21A1460D11B0876F', BridgeContractRole.MESSENGER, 'LineaRollup (message service, holds bridged ETH, verifies proofs)', 'pauseByType(uint8)'),
      l1('0x051F1D88f0aF5763fB888eC4378b4D8B29ea3319', BridgeContractRole.ESCROW, 'TokenBridge (token escrow)', 'pauseByType(uint8)'),
    ],
    routes: ethRoutes('linea', { seconds: 20 * MINUTE, l1Gas: 100_000, confirmations: 64 }, { seconds: 16 * HOUR, l1Gas: 150_000 }),
  },
  {
    slug: 'polygon-pos-bridge', name: 'Polygon PoS Bridge', kind: BridgeKind.CANONICAL, provider: 'Polygon',
    securityModel: BridgeSecurityModel.VALIDATOR_SET,
    validatedBy: 'The Polygon PoS validator set: checkpoints of Polygon blocks are accepted on Ethereum with signatures of validators holding more than 2/3 of the staked POL; withdrawals exit against a checkpoint.',
    arbitraryMessaging: true, nativeTokenRequired: false, supportedChainsCount: 2, operator: 'polygon-labs',
    websiteUrl: 'https://portal.polygon.technology', docsUrl: 'https://docs.polygon.technology', notes: CANONICAL_NOTES, status: BridgeLifecycle.ACTIVE,
    contracts: [
      l1('0xA0c68C638235ee32657e8f720a23ceC1bFc77C77', BridgeContractRole.ROUTER, 'RootChainManager (deposits and exits)'),
      l1('0x40ec5B33f54e0E8A33A975908C5BA1c14e5BbbDf', BridgeContractRole.ESCROW, 'ERC20Predicate (token escrow)'),
      l1('0x8484Ef722627bf18ca5Ae6BcF031c23E6e922B30', BridgeContractRole.ESCROW, 'EtherPredicate (holds bridged ETH)'),
      l1('0x86E4Dc95c7FBdBf52e33D563BbDB00823894C287', BridgeContractRole.VERIFIER, 'RootChain (checkpoints signed by the validator set)'),
    ],
    routes: ethRoutes('polygon-pos', { seconds: 30 * MINUTE, l1Gas: 100_000, confirmations: 64 }, { seconds: 3 * HOUR, l1Gas: 350_000 }, POLYGON_POS_WETH),
  },
];
