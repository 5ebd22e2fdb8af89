import type { ReadThroughCache } from '@junction/cache';
import { evaluateProbes, type ChainClient, type ContractProbe } from '@junction/onchain';
import { createHash } from 'node:crypto';
import type { Address } from 'viem';
import type { ChainEndpoints } from './chain-endpoint-directory';

/** An ERC-20's symbol and decimals; null where the token does not answer them. */
export interface TokenMetadata {
  symbol: string | null;
  decimals: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads ERC-20 `symbol()` and `decimals()`, all tokens of a chain in one Multicall3 call, through the shared cache
 * for a day: they do not change, so a bridge observation pays for them once a day, not once a block.
 */
export class TokenMetadataReader {
  constructor(private readonly cache: ReadThroughCache) {}

  /** The metadata of `tokens` on `chain`, by address; empty when it cannot be read right now (amounts stay raw). */
  async read(client: ChainClient, chain: ChainEndpoints, tokens: readonly string[]): Promise<Map<string, TokenMetadata>> {
    if (tokens.length === 0) return new Map();
    const sorted = [...new Set(tokens)].sort();
    const key = `token-metadata:${chain.chainId}:${createHash('sha1').update(sorted.join(',')).digest('hex').slice(0, 16)}`;
    try {
      const { value } = await this.cache.read(key, () => loadMetadata(client, sorted), { freshMs: DAY_MS, revalidateMs: DAY_MS, keepMs: 7 * DAY_MS, negativeMs: 2000 });
      return new Map(Object.entries(value));
    } catch {
      return new Map();
    }
  }
}

async function loadMetadata(client: ChainClient, tokens: string[]): Promise<Record<string, TokenMetadata>> {
  const probes: ContractProbe[] = tokens.flatMap((token) => [
    { address: token as Address, signature: 'function symbol() view returns (string)' },
    { address: token as Address, signature: 'function decimals() view returns (uint8)' },
  ]);
  const results = await evaluateProbes(client, { probes });
  // Every call failing means the chain did not answer (a multicall reports that per call): keep nothing for a day.
  if (results.every((result) => !result.passed)) throw new Error(`No symbol() or decimals() of ${tokens.join(', ')} could be read.`);
  return Object.fromEntries(
    tokens.map((token, index) => {
      const [symbol, decimals] = [results[2 * index], results[2 * index + 1]];
      return [
        token,
        {
          symbol: symbol.passed && typeof symbol.value === 'string' ? symbol.value : null,
          decimals: decimals.passed && typeof decimals.value === 'number' ? decimals.value : null,
        },
      ];
    }),
  );
}
