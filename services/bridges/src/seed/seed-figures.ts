/** Seconds in a minute, an hour and a day, for readable durations. */
export const MINUTE = 60;
/** Seconds in an hour. */
export const HOUR = 60 * MINUTE;
/** Seconds in a day. */
export const DAY = 24 * HOUR;

/**
 * What the canonical bridges' fee estimates assume: an Ethereum gas price between 1 and 30 gwei and ETH at
 * 3,000 USD. A canonical bridge's cost is the Ethereum gas of its L1 transactions; live reads replace these.
 */
export const L1_GAS_ASSUMPTIONS = { gasPriceGweiLow: 1, gasPriceGweiHigh: 30, ethUsd: 3_000 } as const;

/** The USD range of an Ethereum transaction (or transactions) using `gas` units, under {@link L1_GAS_ASSUMPTIONS}. */
export function l1GasFeeUsd(gas: number): { feeUsdMin: number; feeUsdMax: number } {
  const usd = (gwei: number) => Math.round(gas * gwei * 1e-9 * L1_GAS_ASSUMPTIONS.ethUsd * 100) / 100;
  return { feeUsdMin: usd(L1_GAS_ASSUMPTIONS.gasPriceGweiLow), feeUsdMax: usd(L1_GAS_ASSUMPTIONS.gasPriceGweiHigh) };
}

/**
 * Circle's native USDC on Ethereum: the Ethereum side of every seeded third-party USDC route. The other side is
 * left null because what arrives there depends on the bridge (native USDC, USDC.e, axlUSDC, a wrapped token).
 */
export const USDC_ON_ETHEREUM = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
