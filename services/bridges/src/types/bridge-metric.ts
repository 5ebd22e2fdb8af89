import { registerEnumType } from 'type-graphql';

/** A health measure kept in a bridge's sample history, as a time series. */
export enum BridgeMetric {
  PAUSED_CONTRACTS = 'PAUSED_CONTRACTS',
  READABLE_CONTRACTS = 'READABLE_CONTRACTS',
  FAILING_PROBES = 'FAILING_PROBES',
  ESCROW_VALUE = 'ESCROW_VALUE',
  NATIVE_BALANCE = 'NATIVE_BALANCE',
  OPERATIONAL_SHARE = 'OPERATIONAL_SHARE',
}

registerEnumType(BridgeMetric, {
  name: 'BridgeMetric',
  description: "A health measure kept in a bridge's sample history.",
  valuesConfig: {
    PAUSED_CONTRACTS: { description: 'How many of the contracts read were paused.' },
    READABLE_CONTRACTS: { description: 'How many of the contracts could be read (chain answered, paused() read if pausable).' },
    FAILING_PROBES: { description: 'How many of the probes failed.' },
    ESCROW_VALUE: {
      description: 'Sum of the ERC-20 balances read, each in whole token units (a plain sum across tokens, not a price-weighted value); samples with no ERC-20 balance read have no value.',
    },
    NATIVE_BALANCE: { description: 'Sum of the native balances read, in ETH; samples with no native balance read have no value.' },
    OPERATIONAL_SHARE: { description: 'The share of samples whose status was OPERATIONAL: 1 for an operational sample, 0 for any other (avg is the share).' },
  },
});
