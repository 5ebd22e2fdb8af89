import { registerEnumType } from 'type-graphql';

/** A health measure kept in a chain's sample history, as a time series. */
export enum ChainMetric {
  HEAD_AGE_SECONDS = 'HEAD_AGE_SECONDS',
  SAFE_LAG_BLOCKS = 'SAFE_LAG_BLOCKS',
  FINALIZED_LAG_BLOCKS = 'FINALIZED_LAG_BLOCKS',
  FINALIZED_LAG_SECONDS = 'FINALIZED_LAG_SECONDS',
  GAS_PRICE_GWEI = 'GAS_PRICE_GWEI',
  BASE_FEE_GWEI = 'BASE_FEE_GWEI',
  RPC_LATENCY_MS = 'RPC_LATENCY_MS',
  REACHABLE_ENDPOINTS = 'REACHABLE_ENDPOINTS',
  HEALTHY_SHARE = 'HEALTHY_SHARE',
}

registerEnumType(ChainMetric, {
  name: 'ChainMetric',
  description: "A health measure kept in a chain's sample history.",
  valuesConfig: {
    HEAD_AGE_SECONDS: { description: 'Seconds between the head block and the observation.' },
    SAFE_LAG_BLOCKS: { description: "Blocks between the head and the 'safe' block." },
    FINALIZED_LAG_BLOCKS: { description: "Blocks between the head and the 'finalized' block." },
    FINALIZED_LAG_SECONDS: { description: "Seconds between the head and the 'finalized' block." },
    GAS_PRICE_GWEI: { description: 'Gas price, in gwei.' },
    BASE_FEE_GWEI: { description: 'Base fee of the head block, in gwei (chains with EIP-1559).' },
    RPC_LATENCY_MS: { description: 'Mean probe round-trip of the RPC endpoints that answered, in milliseconds.' },
    REACHABLE_ENDPOINTS: { description: 'How many of the RPC endpoints of the chain answered.' },
    HEALTHY_SHARE: { description: 'The share of samples whose status was HEALTHY: 1 for a healthy sample, 0 for any other (avg is the share).' },
  },
});
