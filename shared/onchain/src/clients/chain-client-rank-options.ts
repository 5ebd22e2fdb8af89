/** Endpoint ranking options of {@link createChainClient}; viem's `fallback` `rank` options, in milliseconds. */
export interface ChainClientRankOptions {
  /**
   * How often every endpoint is sampled (one `eth_blockNumber` each), in milliseconds.
   * @default 4000
   */
  intervalMs?: number;
  /**
   * How many recent samples an endpoint's score is computed over.
   * @default 10
   */
  sampleCount?: number;
  /**
   * How long a sample may take before it counts as a failure, in milliseconds.
   * @default 1000
   */
  timeoutMs?: number;
  /**
   * Weight of latency in the score (relative to `stabilityWeight`).
   * @default 0.3
   */
  latencyWeight?: number;
  /**
   * Weight of stability (the share of samples that succeeded) in the score.
   * @default 0.7
   */
  stabilityWeight?: number;
}
