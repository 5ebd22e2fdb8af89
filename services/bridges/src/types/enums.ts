import { registerEnumType } from 'type-graphql';

/** Whether a bridge is the chain's own (canonical) bridge or a third-party network. */
export enum BridgeKind {
  /** The bridge the rollup or chain itself defines; its security is the chain's own. */
  CANONICAL = 'CANONICAL',
  /** A bridge or messaging network run independently of the chains it connects. */
  THIRD_PARTY = 'THIRD_PARTY',
}

/** Who or what a bridge trusts to accept a message from another chain (the L2BEAT "validated by" axis). */
export enum BridgeSecurityModel {
  /** The destination verifies the source chain's own state proofs: a rollup's fraud or validity proofs. */
  NATIVE_ROLLUP_PROOFS = 'NATIVE_ROLLUP_PROOFS',
  /** An on-chain light client (or ZK proof of consensus) of the source chain. */
  LIGHT_CLIENT = 'LIGHT_CLIENT',
  /** Messages are accepted unless a watcher disputes them within a challenge window. */
  OPTIMISTIC = 'OPTIMISTIC',
  /** A proof-of-stake validator set signs messages (Axelar, Celer SGN, Polygon PoS checkpoints). */
  VALIDATOR_SET = 'VALIDATOR_SET',
  /** Independent verifiers chosen per application, with a separate executor (LayerZero DVNs). */
  ORACLE_RELAYER = 'ORACLE_RELAYER',
  /** A fixed set of guardian nodes signs messages (Wormhole's 19 Guardians). */
  GUARDIAN_NETWORK = 'GUARDIAN_NETWORK',
  /** Oracle networks commit and execute, checked by an independent risk management network (Chainlink CCIP). */
  RISK_MANAGEMENT_NETWORK = 'RISK_MANAGEMENT_NETWORK',
  /** A multisig of known signers approves messages. */
  MULTISIG = 'MULTISIG',
  /** Each application picks its Interchain Security Module (Hyperlane). */
  ISM_CONFIGURABLE = 'ISM_CONFIGURABLE',
}

/** Where a bridge is in its life. */
export enum BridgeLifecycle {
  /** Accepting transfers. */
  ACTIVE = 'ACTIVE',
  /** Stopped by its operator (an emergency pause or maintenance); routes are not offered. */
  PAUSED_BY_OPERATOR = 'PAUSED_BY_OPERATOR',
  /** Being retired: existing funds can still leave, new integrations should not use it. */
  DEPRECATED = 'DEPRECATED',
}

/** What a bridge contract does. */
export enum BridgeContractRole {
  /** Holds the bridged assets (lockbox, portal, predicate). */
  ESCROW = 'ESCROW',
  /** Sends and receives cross-chain messages (inbox, outbox, messenger, endpoint, mailbox). */
  MESSENGER = 'MESSENGER',
  /** Routes a transfer to the contract that handles the token (gateway router, bridgehub). */
  ROUTER = 'ROUTER',
  /** A liquidity pool that pays out on the destination side. */
  TOKEN_POOL = 'TOKEN_POOL',
  /** Verifies proofs or signatures before messages are accepted (rollup, dispute game factory, checkpoints). */
  VERIFIER = 'VERIFIER',
  /** Upgrades or administers the bridge (timelock, security council, proxy admin). */
  GOVERNANCE = 'GOVERNANCE',
}

registerEnumType(BridgeKind, {
  name: 'BridgeKind',
  description: "Whether a bridge is a chain's canonical bridge or a third-party network.",
  valuesConfig: {
    CANONICAL: { description: "The bridge the rollup or chain itself defines; its security is the chain's own." },
    THIRD_PARTY: { description: 'A bridge or messaging network run independently of the chains it connects.' },
  },
});
registerEnumType(BridgeSecurityModel, {
  name: 'BridgeSecurityModel',
  description: 'Who or what a bridge trusts to accept a message from another chain.',
  valuesConfig: {
    NATIVE_ROLLUP_PROOFS: { description: "The destination verifies the source chain's own state proofs: a rollup's fraud or validity proofs." },
    LIGHT_CLIENT: { description: 'An on-chain light client (or ZK proof of consensus) of the source chain.' },
    OPTIMISTIC: { description: 'Messages are accepted unless a watcher disputes them within a challenge window.' },
    VALIDATOR_SET: { description: 'A proof-of-stake validator set signs messages (Axelar, Celer SGN, Polygon PoS checkpoints).' },
    ORACLE_RELAYER: { description: 'Independent verifiers chosen per application, with a separate executor (LayerZero DVNs).' },
    GUARDIAN_NETWORK: { description: "A fixed set of guardian nodes signs messages (Wormhole's 19 Guardians)." },
    RISK_MANAGEMENT_NETWORK: { description: 'Oracle networks commit and execute, checked by an independent risk management network (Chainlink CCIP).' },
    MULTISIG: { description: 'A multisig of known signers approves messages.' },
    ISM_CONFIGURABLE: { description: 'Each application picks its Interchain Security Module (Hyperlane).' },
  },
});
registerEnumType(BridgeLifecycle, {
  name: 'BridgeLifecycle',
  description: 'Where a bridge is in its life.',
  valuesConfig: {
    ACTIVE: { description: 'Accepting transfers.' },
    PAUSED_BY_OPERATOR: { description: 'Stopped by its operator (an emergency pause or maintenance); routes are not offered.' },
    DEPRECATED: { description: 'Being retired: existing funds can still leave, new integrations should not use it.' },
  },
});
registerEnumType(BridgeContractRole, {
  name: 'BridgeContractRole',
  description: 'What a bridge contract does.',
  valuesConfig: {
    ESCROW: { description: 'Holds the bridged assets (lockbox, portal, predicate).' },
    MESSENGER: { description: 'Sends and receives cross-chain messages (inbox, outbox, messenger, endpoint, mailbox).' },
    ROUTER: { description: 'Routes a transfer to the contract that handles the token (gateway router, bridgehub).' },
    TOKEN_POOL: { description: 'A liquidity pool that pays out on the destination side.' },
    VERIFIER: { description: 'Verifies proofs or signatures before messages are accepted (rollup, dispute game factory, checkpoints).' },
    GOVERNANCE: { description: 'Upgrades or administers the bridge (timelock, security council, proxy admin).' },
  },
});
