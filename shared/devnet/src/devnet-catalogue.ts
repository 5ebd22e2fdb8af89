import { devnetChainNames, devnetChainSpecs, type DevnetChain, type DevnetChainName, type DevnetChainSpec } from './devnet-chain';

/** What the chains service needs to register one devnet chain in its catalogue. Plain data. */
export interface DevnetCatalogueEntry {
  /** The catalogue slug, e.g. `junction-devnet-l1`. */
  slug: DevnetChainSpec['slug'];
  /** The display name, e.g. `Junction Devnet L1`. */
  name: string;
  /** The EIP-155 chain id. */
  chainId: number;
  /** The chain kind: the L1, an optimistic rollup (l2a) or a ZK rollup (l2b). */
  kind: DevnetChainSpec['kind'];
  /** The slug of the chain it settles on, or null for the L1. */
  settlementSlug: DevnetChainSpec['settlementSlug'];
  /** The block time the chain runs at, in milliseconds. */
  expectedBlockTimeMs: number;
  /** The chain's RPC endpoints, primary then secondary: the two proxies, never the node itself. */
  rpcUrls: [string, string];
}

/**
 * The catalogue entries of a running devnet's chains, in l1, l2a, l2b order: what `npm start` hands the chains
 * service so the devnet appears beside the real networks.
 */
export function devnetCatalogue({ chains }: { chains: Record<DevnetChainName, DevnetChain> }): DevnetCatalogueEntry[] {
  return devnetChainNames.map((name) => {
    const chain = chains[name];
    const { slug, kind, settlementSlug } = devnetChainSpecs[name];
    return {
      slug,
      name: chain.label,
      chainId: chain.chainId,
      kind,
      settlementSlug,
      expectedBlockTimeMs: chain.blockTimeSeconds * 1000,
      rpcUrls: [chain.endpoints[0].url, chain.endpoints[1].url],
    };
  });
}
