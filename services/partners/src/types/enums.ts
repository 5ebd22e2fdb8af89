import { registerEnumType } from 'type-graphql';

/** What a partner does in the ecosystem. */
export enum PartnerKind {
  ROLLUP_OPERATOR = 'ROLLUP_OPERATOR',
  BRIDGE_PROVIDER = 'BRIDGE_PROVIDER',
  DA_PROVIDER = 'DA_PROVIDER',
  RPC_PROVIDER = 'RPC_PROVIDER',
  SEQUENCER_OPERATOR = 'SEQUENCER_OPERATOR',
  ORACLE = 'ORACLE',
  APP_DEVELOPER = 'APP_DEVELOPER',
  OTHER = 'OTHER',
}

/** Where the relationship with a partner stands. */
export enum PartnerStatus {
  PROSPECT = 'PROSPECT',
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  OFFBOARDED = 'OFFBOARDED',
}

/** A component of a chain or bridge that some partner is responsible for. */
export enum OwnedComponent {
  SEQUENCER = 'SEQUENCER',
  PROVER = 'PROVER',
  DA = 'DA',
  BRIDGE_CONTRACTS = 'BRIDGE_CONTRACTS',
  RPC = 'RPC',
  INDEXER = 'INDEXER',
  EXPLORER = 'EXPLORER',
  MONITORING = 'MONITORING',
  UPGRADE_MULTISIG = 'UPGRADE_MULTISIG',
}

/** Where a partner agreement is in its life. */
export enum PartnerAgreementStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

/** The phases of a staged rollout, in the only order a plan moves through them. */
export enum RolloutPhase {
  INTERNAL_TESTNET = 'INTERNAL_TESTNET',
  PARTNER_STAGING = 'PARTNER_STAGING',
  CANARY = 'CANARY',
  FULL = 'FULL',
}

/** What moved a rollout plan from one phase to another. */
export enum RolloutTransitionKind {
  START = 'START',
  ADVANCE = 'ADVANCE',
  ROLLBACK = 'ROLLBACK',
}

/** The role an API key gives its holder; the public needs no key. */
export enum ApiKeyRole {
  PARTNER = 'PARTNER',
  OPERATOR = 'OPERATOR',
  ADMIN = 'ADMIN',
}

/** Whether an API key still works. */
export enum ApiKeyStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'What a partner does in the ecosystem.' });
registerEnumType(PartnerStatus, { name: 'PartnerStatus', description: 'Where the relationship with a partner stands.' });
registerEnumType(OwnedComponent, {
  name: 'OwnedComponent',
  description: 'A component of a chain or bridge that some partner is responsible for.',
  valuesConfig: {
    SEQUENCER: { description: 'Orders transactions and produces blocks.' },
    PROVER: { description: 'Produces fraud or validity proofs and posts state roots.' },
    DA: { description: 'Publishes and serves the transaction data (data availability).' },
    BRIDGE_CONTRACTS: { description: 'The bridge or escrow contracts, including pausing them.' },
    RPC: { description: 'Public JSON-RPC endpoints.' },
    INDEXER: { description: 'Indexing services (subgraphs, APIs over chain data).' },
    EXPLORER: { description: 'The block explorer.' },
    MONITORING: { description: 'Health monitoring and alerting, e.g. sequencer uptime feeds.' },
    UPGRADE_MULTISIG: { description: 'The multisig that upgrades or pauses the system.' },
  },
});
registerEnumType(PartnerAgreementStatus, {
  name: 'PartnerAgreementStatus',
  description: 'Where a partner agreement is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Being negotiated; its terms can change.' },
    ACTIVE: { description: 'Signed and in force (or in force from `effectiveFrom`).' },
    EXPIRED: { description: 'Was active; its `effectiveUntil` date has passed.' },
    TERMINATED: { description: 'Ended early by `terminatePartnerAgreement`; no longer changes.' },
  },
});
registerEnumType(RolloutPhase, {
  name: 'RolloutPhase',
  description: 'The phases of a staged rollout, in order: INTERNAL_TESTNET → PARTNER_STAGING → CANARY → FULL.',
  valuesConfig: {
    INTERNAL_TESTNET: { description: 'Internal testnet; partner services mocked.' },
    PARTNER_STAGING: { description: 'Staging with partners, on test tokens.' },
    CANARY: { description: 'Canary on mainnet: limited capacity, a subset of users.' },
    FULL: { description: 'Full ramp-up: load raised as monitoring allows.' },
  },
});
registerEnumType(RolloutTransitionKind, {
  name: 'RolloutTransitionKind',
  description: 'What moved a rollout plan from one phase to another.',
  valuesConfig: {
    START: { description: 'The plan was created in its first phase.' },
    ADVANCE: { description: 'The plan advanced to the next phase after its gates passed.' },
    ROLLBACK: { description: 'The plan rolled back to the previous phase.' },
  },
});
registerEnumType(ApiKeyRole, {
  name: 'ApiKeyRole',
  description: 'The role an API key gives its holder; the public needs no key.',
  valuesConfig: {
    PARTNER: { description: "Acts for one partner: its own private data, acknowledging its incidents." },
    OPERATOR: { description: 'The ecosystem team: every partner, the catalogue, incidents and keys.' },
    ADMIN: { description: 'As OPERATOR, and may create and revoke ADMIN keys.' },
  },
});
registerEnumType(ApiKeyStatus, {
  name: 'ApiKeyStatus',
  description: 'Whether an API key still works.',
  valuesConfig: {
    ACTIVE: { description: 'The key works.' },
    EXPIRED: { description: 'Its expiresAt has passed.' },
    REVOKED: { description: 'Revoked by revokeApiKey; it never works again.' },
  },
});
