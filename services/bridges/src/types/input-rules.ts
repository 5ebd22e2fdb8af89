/** Token symbols: letters or digits first, then also `.`, `_`, `-`, `+` (e.g. `USDC.e`, `USD₮0`). */
export const TOKEN_SYMBOL_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._+-]{0,31}$/u;

/** What a token symbol must look like, for messages. */
export const TOKEN_SYMBOL_MESSAGE = 'must be 1 to 32 letters or digits (then also . _ - +), e.g. "USDC.e"';

/** A Solidity function signature with canonical parameter types and no spaces, e.g. `setPause(bool)`. */
export const FUNCTION_SIGNATURE_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*\((?:[a-z][a-z0-9]*(?:\[[0-9]*\])*(?:,[a-z][a-z0-9]*(?:\[[0-9]*\])*)*)?\)$/;

/** The largest fee a route may record, in USD. */
export const MAX_FEE_USD = 1_000_000;

/** The longest a route may take: 30 days, in seconds. */
export const MAX_DURATION_SECONDS = 30 * 24 * 60 * 60;
