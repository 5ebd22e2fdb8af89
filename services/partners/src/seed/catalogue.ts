import type { RollbackProcedureRecord, RolloutPlanPhaseRecord } from '../entities/rollout-plan.entity';
import { OwnedComponent, PartnerAgreementStatus, PartnerKind, PartnerStatus, RolloutPhase, RolloutTransitionKind } from '../types/enums';

/** A partner of the seed directory. */
export interface SeedPartner {
  slug: string;
  name: string;
  kind: PartnerKind;
  status: PartnerStatus;
  websiteUrl: string;
  description: string;
}

/** A seed contact. Fictional people with `.example` addresses: never real personal data. */
export interface SeedContact {
  partner: string;
  name: string;
  email: string;
  title: string;
  phone: string | null;
  chatHandle: string | null;
  onCall: boolean;
  escalationOrder: number | null;
}

/** A cell of the seed ownership matrix; `chain` and `bridge` are slugs, exactly one is set. */
export interface SeedOwnership {
  component: OwnedComponent;
  chain?: string;
  bridge?: string;
  owner: string;
  backup?: string;
  notes: string;
}

/** A seed agreement; `key` makes its id deterministic. */
export interface SeedAgreement {
  key: string;
  partner: string;
  chain?: string;
  bridge?: string;
  confirmationsRequired: number;
  uptimeSlaPercent: number;
  maxFinalitySeconds: number;
  responseMinutes: [number, number, number, number];
  effectiveFrom: string;
  effectiveUntil: string | null;
  status: PartnerAgreementStatus;
}

/** A step of a seed plan's history. */
export interface SeedTransition {
  kind: RolloutTransitionKind;
  fromPhase: RolloutPhase | null;
  toPhase: RolloutPhase;
  confirmedGates: string[];
  note: string | null;
  occurredAt: string;
}

/** A seed rollout plan with its history; the current phase is the last step's `toPhase`. */
export interface SeedRolloutPlan {
  key: string;
  partner: string;
  chain?: string;
  bridge?: string;
  title: string;
  phases: RolloutPlanPhaseRecord[];
  rollback: RollbackProcedureRecord;
  history: SeedTransition[];
}

const SEVEN_DAYS = 7 * 24 * 60 * 60;
const TWENTY_MINUTES = 20 * 60;
/** The response times the guide's agreements use: 15 min / 1 h / 4 h / 24 h. */
const STANDARD_RESPONSE: [number, number, number, number] = [15, 60, 240, 1440];

/** The fixed partner roster. */
export const SEED_PARTNERS: SeedPartner[] = [
  {
    slug: 'offchain-labs', name: 'Offchain Labs', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://offchainlabs.com',
    description: 'Builds Arbitrum Nitro and runs the sequencers of Arbitrum One and Arbitrum Nova.',
  },
  {
    slug: 'op-labs', name: 'OP Labs', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://oplabs.co',
    description: 'Core developer of the OP Stack; operates the OP Mainnet sequencer and its fault-proof system.',
  },
  {
    slug: 'base-team', name: 'Coinbase (Base)', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://base.org',
    description: 'The Coinbase team that operates Base, an OP Stack rollup, and its standard bridge.',
  },
  {
    slug: 'matter-labs', name: 'Matter Labs', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://matter-labs.io',
    description: 'Builds the ZK Stack and operates the ZKsync Era sequencer and prover.',
  },
  {
    slug: 'scroll-tech', name: 'Scroll', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://scroll.io',
    description: 'Builds and operates Scroll, a zkEVM rollup settling on Ethereum.',
  },
  {
    slug: 'consensys', name: 'Consensys (Linea)', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://linea.build',
    description: 'The Consensys team behind Linea, a zkEVM rollup, its sequencer, prover and canonical bridge.',
  },
  {
    slug: 'polygon-labs', name: 'Polygon Labs', kind: PartnerKind.ROLLUP_OPERATOR, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://polygon.technology',
    description: 'Develops Polygon PoS and the Polygon CDK, and operates the Polygon zkEVM sequencer and prover.',
  },
  {
    slug: 'layerzero-labs', name: 'LayerZero Labs', kind: PartnerKind.BRIDGE_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://layerzero.network',
    description: 'Builds LayerZero, an omnichain messaging protocol with configurable verifier networks (DVNs).',
  },
  {
    slug: 'interop-labs', name: 'Interop Labs (Axelar)', kind: PartnerKind.BRIDGE_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://interoplabs.io',
    description: 'Core contributor to Axelar, a proof-of-stake network for cross-chain messaging and token transfers.',
  },
  {
    slug: 'wormhole-foundation', name: 'Wormhole Foundation', kind: PartnerKind.BRIDGE_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://wormhole.foundation',
    description: 'Supports Wormhole, a cross-chain messaging protocol secured by a set of guardian nodes.',
  },
  {
    slug: 'celer-network', name: 'Celer Network', kind: PartnerKind.BRIDGE_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://celer.network',
    description: 'Builds cBridge, a liquidity-network bridge, and the Celer inter-chain messaging framework.',
  },
  {
    slug: 'abacus-works', name: 'Abacus Works (Hyperlane)', kind: PartnerKind.BRIDGE_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://hyperlane.xyz',
    description: 'Core contributor to Hyperlane, permissionless interoperability with modular security (ISMs).',
  },
  {
    slug: 'chainlink-labs', name: 'Chainlink Labs', kind: PartnerKind.ORACLE, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://chainlinklabs.com',
    description: 'Operates Chainlink data feeds, including L2 sequencer uptime feeds, and the CCIP cross-chain protocol.',
  },
  {
    slug: 'eigen-labs', name: 'Eigen Labs (EigenDA)', kind: PartnerKind.DA_PROVIDER, status: PartnerStatus.ONBOARDING,
    websiteUrl: 'https://www.eigenda.xyz',
    description: 'Builds EigenDA, a data availability service secured by restaked ETH through EigenLayer.',
  },
  {
    slug: 'alchemy', name: 'Alchemy', kind: PartnerKind.RPC_PROVIDER, status: PartnerStatus.ACTIVE,
    websiteUrl: 'https://www.alchemy.com',
    description: 'Node and API provider serving JSON-RPC for Ethereum and the major rollups.',
  },
];

/** Contacts of several partners: fictional people, `.example` addresses, 555-01xx phone numbers. */
export const SEED_CONTACTS: SeedContact[] = [
  { partner: 'offchain-labs', name: 'Offchain Labs on-call', email: 'oncall@offchainlabs.example', title: 'Sequencer on-call rotation', phone: '+14155550101', chatHandle: '#arbitrum-oncall (partner Slack)', onCall: true, escalationOrder: 1 },
  { partner: 'offchain-labs', name: 'Dana Whitfield', email: 'dana.whitfield@offchainlabs.example', title: 'Head of Infrastructure', phone: '+14155550102', chatHandle: '@dana.whitfield', onCall: true, escalationOrder: 2 },
  { partner: 'offchain-labs', name: 'Marcus Oyelaran', email: 'partnerships@offchainlabs.example', title: 'Ecosystem Partnerships Lead', phone: null, chatHandle: '@marcus.o', onCall: false, escalationOrder: null },
  { partner: 'op-labs', name: 'OP Labs on-call', email: 'oncall@oplabs.example', title: 'Protocol on-call rotation', phone: '+14155550111', chatHandle: '#op-mainnet-oncall', onCall: true, escalationOrder: 1 },
  { partner: 'op-labs', name: 'Priya Raman', email: 'priya.raman@oplabs.example', title: 'Protocol Engineering Manager', phone: '+14155550112', chatHandle: '@priya.r', onCall: true, escalationOrder: 2 },
  { partner: 'base-team', name: 'Base on-call', email: 'oncall@base.example', title: 'Base infrastructure on-call', phone: '+14155550121', chatHandle: '#base-partner-oncall', onCall: true, escalationOrder: 1 },
  { partner: 'base-team', name: 'Jordan Okafor', email: 'jordan.okafor@base.example', title: 'Bridge Security Lead', phone: '+14155550122', chatHandle: '@jordan.okafor', onCall: true, escalationOrder: 2 },
  { partner: 'scroll-tech', name: 'Scroll on-call', email: 'oncall@scroll.example', title: 'Sequencer and prover on-call', phone: '+14155550131', chatHandle: '#scroll-oncall', onCall: true, escalationOrder: 1 },
  { partner: 'layerzero-labs', name: 'LayerZero on-call', email: 'oncall@layerzerolabs.example', title: 'Protocol operations on-call', phone: '+14155550141', chatHandle: '#lz-partner-oncall', onCall: true, escalationOrder: 1 },
  { partner: 'chainlink-labs', name: 'Chainlink Labs on-call', email: 'oncall@chainlinklabs.example', title: 'Data feeds on-call', phone: '+14155550151', chatHandle: '#feeds-oncall', onCall: true, escalationOrder: 1 },
  { partner: 'chainlink-labs', name: 'Tomasz Wierzbicki', email: 'tomasz.wierzbicki@chainlinklabs.example', title: 'Data Feeds Reliability Engineer', phone: null, chatHandle: '@tomasz.w', onCall: true, escalationOrder: 2 },
  { partner: 'alchemy', name: 'Alchemy escalations', email: 'escalations@alchemy.example', title: 'Enterprise support escalations', phone: '+14155550161', chatHandle: null, onCall: true, escalationOrder: 1 },
  { partner: 'alchemy', name: 'Hannah Cole', email: 'hannah.cole@alchemy.example', title: 'Enterprise Account Manager', phone: null, chatHandle: '@hannah.cole', onCall: false, escalationOrder: null },
  { partner: 'eigen-labs', name: 'Sofia Marchetti', email: 'sofia.marchetti@eigenlabs.example', title: 'Partner Integrations', phone: null, chatHandle: '@sofia.m', onCall: false, escalationOrder: null },
];

const UPTIME_FEED = 'Chainlink L2 sequencer uptime feed: flags sequencer downtime on-chain so lending protocols can pause liquidations.';

/** The seed ownership matrix. None of the seed chains publishes data to EigenDA, so Eigen Labs owns no DA cell yet. */
export const SEED_OWNERSHIPS: SeedOwnership[] = [
  { component: OwnedComponent.SEQUENCER, chain: 'arbitrum-one', owner: 'offchain-labs', notes: 'Centralized sequencer; force-inclusion through the delayed inbox after 24 h.' },
  { component: OwnedComponent.PROVER, chain: 'arbitrum-one', owner: 'offchain-labs', notes: 'BoLD validators and assertion posting.' },
  { component: OwnedComponent.RPC, chain: 'arbitrum-one', owner: 'alchemy', backup: 'offchain-labs', notes: 'Alchemy serves partner RPC; arb1.arbitrum.io is the fallback.' },
  { component: OwnedComponent.MONITORING, chain: 'arbitrum-one', owner: 'chainlink-labs', backup: 'offchain-labs', notes: UPTIME_FEED },
  { component: OwnedComponent.SEQUENCER, chain: 'arbitrum-nova', owner: 'offchain-labs', notes: 'AnyTrust chain; the data availability committee is coordinated by Offchain Labs.' },
  { component: OwnedComponent.PROVER, chain: 'arbitrum-nova', owner: 'offchain-labs', notes: 'Whitelisted validators.' },
  { component: OwnedComponent.SEQUENCER, chain: 'op-mainnet', owner: 'op-labs', notes: 'op-node/op-geth sequencer; op-conductor for failover.' },
  { component: OwnedComponent.PROVER, chain: 'op-mainnet', owner: 'op-labs', notes: 'Permissionless fault proofs; OP Labs runs the proposer.' },
  { component: OwnedComponent.RPC, chain: 'op-mainnet', owner: 'alchemy', backup: 'op-labs', notes: 'Alchemy serves partner RPC; mainnet.optimism.io is the fallback.' },
  { component: OwnedComponent.MONITORING, chain: 'op-mainnet', owner: 'chainlink-labs', backup: 'op-labs', notes: UPTIME_FEED },
  { component: OwnedComponent.SEQUENCER, chain: 'base', owner: 'base-team', notes: 'OP Stack sequencer operated by Coinbase.' },
  { component: OwnedComponent.PROVER, chain: 'base', owner: 'base-team', backup: 'op-labs', notes: 'Fault-proof proposer; OP Labs backs up on OP Stack proof issues.' },
  { component: OwnedComponent.RPC, chain: 'base', owner: 'alchemy', backup: 'base-team', notes: 'Alchemy serves partner RPC; mainnet.base.org is the fallback.' },
  { component: OwnedComponent.MONITORING, chain: 'base', owner: 'chainlink-labs', backup: 'base-team', notes: UPTIME_FEED },
  { component: OwnedComponent.SEQUENCER, chain: 'zksync-era', owner: 'matter-labs', notes: 'Centralized sequencer; priority queue on L1 for forced transactions.' },
  { component: OwnedComponent.PROVER, chain: 'zksync-era', owner: 'matter-labs', notes: 'Boojum prover fleet and L1 proof submission.' },
  { component: OwnedComponent.RPC, chain: 'zksync-era', owner: 'alchemy', backup: 'matter-labs', notes: 'Partner RPC.' },
  { component: OwnedComponent.SEQUENCER, chain: 'scroll', owner: 'scroll-tech', notes: 'Centralized sequencer.' },
  { component: OwnedComponent.PROVER, chain: 'scroll', owner: 'scroll-tech', notes: 'zkEVM prover and batch finalization on L1.' },
  { component: OwnedComponent.SEQUENCER, chain: 'linea', owner: 'consensys', notes: 'Centralized sequencer.' },
  { component: OwnedComponent.PROVER, chain: 'linea', owner: 'consensys', notes: 'Linea prover and L1 finalization.' },
  { component: OwnedComponent.SEQUENCER, chain: 'polygon-zkevm', owner: 'polygon-labs', notes: 'Trusted sequencer.' },
  { component: OwnedComponent.PROVER, chain: 'polygon-zkevm', owner: 'polygon-labs', notes: 'Trusted aggregator.' },
  { component: OwnedComponent.RPC, chain: 'polygon-pos', owner: 'alchemy', backup: 'polygon-labs', notes: 'Partner RPC; polygon-rpc.com is the fallback.' },
  { component: OwnedComponent.RPC, chain: 'ethereum', owner: 'alchemy', notes: 'Partner RPC for the settlement layer.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'arbitrum-bridge', owner: 'offchain-labs', notes: 'Inbox, Outbox and gateway router contracts.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'op-standard-bridge', owner: 'op-labs', notes: 'OptimismPortal and L1StandardBridge.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'base-bridge', owner: 'base-team', backup: 'op-labs', notes: 'OP Stack standard bridge contracts deployed for Base.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'zksync-era-bridge', owner: 'matter-labs', notes: 'Shared bridge and Diamond proxy.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'scroll-bridge', owner: 'scroll-tech', notes: 'L1 gateway router and message queue.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'linea-bridge', owner: 'consensys', notes: 'Message service and token bridge.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'polygon-pos-bridge', owner: 'polygon-labs', notes: 'RootChainManager and predicate contracts.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'layerzero', owner: 'layerzero-labs', notes: 'Endpoint contracts and the LayerZero Labs DVN.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'axelar', owner: 'interop-labs', notes: 'Axelar gateway contracts on each connected chain.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'wormhole', owner: 'wormhole-foundation', notes: 'Core bridge and token bridge contracts.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'celer-cbridge', owner: 'celer-network', notes: 'cBridge liquidity pool contracts.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'hyperlane', owner: 'abacus-works', notes: 'Mailbox and default ISM contracts.' },
  { component: OwnedComponent.BRIDGE_CONTRACTS, bridge: 'chainlink-ccip', owner: 'chainlink-labs', notes: 'CCIP routers, on-ramps and off-ramps; Risk Management Network.' },
];

/** Agreements: uptime SLA 99.9 % and 15 / 60 / 240 / 1440 minute responses, as the guide recommends. */
export const SEED_AGREEMENTS: SeedAgreement[] = [
  {
    key: 'offchain-labs/arbitrum-one/2025', partner: 'offchain-labs', chain: 'arbitrum-one', confirmationsRequired: 64,
    uptimeSlaPercent: 99.9, maxFinalitySeconds: SEVEN_DAYS, responseMinutes: STANDARD_RESPONSE,
    effectiveFrom: '2025-07-01', effectiveUntil: '2027-07-01', status: PartnerAgreementStatus.ACTIVE,
  },
  {
    key: 'offchain-labs/arbitrum-one/2024', partner: 'offchain-labs', chain: 'arbitrum-one', confirmationsRequired: 64,
    uptimeSlaPercent: 99.5, maxFinalitySeconds: SEVEN_DAYS, responseMinutes: [30, 120, 480, 2880],
    effectiveFrom: '2024-07-01', effectiveUntil: '2025-07-01', status: PartnerAgreementStatus.ACTIVE,
  },
  {
    key: 'layerzero-labs/layerzero/2026', partner: 'layerzero-labs', bridge: 'layerzero', confirmationsRequired: 15,
    uptimeSlaPercent: 99.9, maxFinalitySeconds: 120, responseMinutes: STANDARD_RESPONSE,
    effectiveFrom: '2026-03-01', effectiveUntil: '2028-03-01', status: PartnerAgreementStatus.ACTIVE,
  },
  {
    key: 'scroll-tech/scroll/2027', partner: 'scroll-tech', chain: 'scroll', confirmationsRequired: 0,
    uptimeSlaPercent: 99.9, maxFinalitySeconds: TWENTY_MINUTES, responseMinutes: STANDARD_RESPONSE,
    effectiveFrom: '2027-01-01', effectiveUntil: null, status: PartnerAgreementStatus.DRAFT,
  },
];

/** Two rollouts at different phases, with the rollback procedure the guide asks of every phase. */
export const SEED_ROLLOUT_PLANS: SeedRolloutPlan[] = [
  {
    key: 'base-bridge-withdrawals',
    partner: 'base-team',
    bridge: 'base-bridge',
    title: 'Base Bridge withdrawals in the ecosystem bridge UI',
    phases: [
      { phase: RolloutPhase.INTERNAL_TESTNET, capacityPercent: 0, gates: ['Deposits and withdrawals pass end-to-end on the internal devnet with Base services mocked', 'Pause and unpause rehearsed with the test multisig'] },
      { phase: RolloutPhase.PARTNER_STAGING, capacityPercent: 0, gates: ['Base signs off on staging runs with test tokens', 'Alert thresholds reviewed with Base on-call'] },
      { phase: RolloutPhase.CANARY, capacityPercent: 5, gates: ['7 days of canary without a SEV1 or SEV2 incident', 'Every canary withdrawal proven and finalized within the challenge window'] },
      { phase: RolloutPhase.FULL, capacityPercent: 100, gates: [] },
    ],
    rollback: {
      pauseProcedure:
        'Base on-call asks the Guardian multisig to pause; the Guardian pauses withdrawals through SuperchainConfig, which stops ' +
        'OptimismPortal finalizations. The ecosystem team disables the Base route in the bridge UI at the same time.',
      pausableContracts: [
        { label: 'OptimismPortal (proxy, Base)', address: '0x49048044d57e1c92a77f79988d21fa8faf74e97e' },
        { label: 'L1StandardBridge (proxy, Base)', address: '0x3154cf16ccdb4c6d922629664174b904d80f2c35' },
      ],
      multisig: {
        address: '0x5a5e000000000000000000000000000000000b01',
        threshold: 2,
        signers: [
          { name: 'Base bridge security lead', address: '0x5a5e000000000000000000000000000000000a01' },
          { name: 'Base infrastructure on-call', address: '0x5a5e000000000000000000000000000000000a02' },
          { name: 'Ecosystem team incident commander', address: '0x5a5e000000000000000000000000000000000a03' },
        ],
      },
      stateRecoveryScripts: [
        'ops/rollback/base-bridge/01-disable-route.ts',
        'ops/rollback/base-bridge/02-list-pending-withdrawals.ts',
        'ops/rollback/base-bridge/03-reconcile-escrow-balances.ts',
      ],
      communicationPlan:
        'Within 15 minutes: status page incident and a notice in the shared partner channel. Base and ecosystem on-call join one ' +
        'bridge call; updates every hour until resolved; users with pending withdrawals are told their funds are safe and when ' +
        'to expect them. Post-mortem shared with Base within 5 business days.',
    },
    history: [
      { kind: RolloutTransitionKind.START, fromPhase: null, toPhase: RolloutPhase.INTERNAL_TESTNET, confirmedGates: [], note: null, occurredAt: '2026-09-01T09:00:00Z' },
      {
        kind: RolloutTransitionKind.ADVANCE, fromPhase: RolloutPhase.INTERNAL_TESTNET, toPhase: RolloutPhase.PARTNER_STAGING,
        confirmedGates: ['Deposits and withdrawals pass end-to-end on the internal devnet with Base services mocked', 'Pause and unpause rehearsed with the test multisig'],
        note: 'Devnet suite green for 5 consecutive days.', occurredAt: '2026-09-22T14:00:00Z',
      },
      {
        kind: RolloutTransitionKind.ADVANCE, fromPhase: RolloutPhase.PARTNER_STAGING, toPhase: RolloutPhase.CANARY,
        confirmedGates: ['Base signs off on staging runs with test tokens', 'Alert thresholds reviewed with Base on-call'],
        note: 'Canary opened to 5% of bridge UI users.', occurredAt: '2026-10-20T15:30:00Z',
      },
    ],
  },
  {
    key: 'scroll-sequencer-alerts',
    partner: 'scroll-tech',
    chain: 'scroll',
    title: 'Scroll sequencer health alerts to partner on-call',
    phases: [
      { phase: RolloutPhase.INTERNAL_TESTNET, capacityPercent: 0, gates: ['Alert rules fire on a halted devnet sequencer within 60 seconds'] },
      { phase: RolloutPhase.PARTNER_STAGING, capacityPercent: 0, gates: ['Scroll on-call acknowledges test pages from staging', 'No false positives over 14 days of staging'] },
      { phase: RolloutPhase.CANARY, capacityPercent: 10, gates: ['Paging latency under 2 minutes for every canary alert'] },
      { phase: RolloutPhase.FULL, capacityPercent: 100, gates: [] },
    ],
    rollback: {
      pauseProcedure: 'No contracts change in this rollout: rolling back disables the Scroll alert rules and returns paging to the ecosystem team.',
      pausableContracts: [],
      multisig: null,
      stateRecoveryScripts: ['ops/rollback/scroll-alerts/01-disable-alert-rules.ts'],
      communicationPlan: 'Tell Scroll on-call in the shared channel before disabling; note the change on the internal status page.',
    },
    history: [
      { kind: RolloutTransitionKind.START, fromPhase: null, toPhase: RolloutPhase.INTERNAL_TESTNET, confirmedGates: [], note: null, occurredAt: '2026-10-05T10:00:00Z' },
      {
        kind: RolloutTransitionKind.ADVANCE, fromPhase: RolloutPhase.INTERNAL_TESTNET, toPhase: RolloutPhase.PARTNER_STAGING,
        confirmedGates: ['Alert rules fire on a halted devnet sequencer within 60 seconds'], note: null, occurredAt: '2026-10-19T10:00:00Z',
      },
    ],
  },
];
