import type { RpcProxy } from './rpc-proxy';

/** The devnet's chains: an L1 and two L2s that settle on it. */
export type DevnetChainName = 'l1' | 'l2a' | 'l2b';

/** Every {@link DevnetChainName}, in start-up and catalogue order. */
export const devnetChainNames = ['l1', 'l2a', 'l2b'] as const satisfies readonly DevnetChainName[];

/** One running devnet chain: an anvil node and the two JSON-RPC proxies clients are meant to use. */
export interface DevnetChain {
  /** Which chain this is. */
  name: DevnetChainName;
  /** A human-readable name, e.g. `Junction Devnet L1`. */
  label: string;
  /** The EIP-155 chain id: l1 = 900001, l2a = 900002, l2b = 900003. */
  chainId: number;
  /** Seconds between blocks while the chain is not halted. @default l1 = 2, l2a = 1, l2b = 2 */
  blockTimeSeconds: number;
  /** The anvil node itself, e.g. `http://127.0.0.1:41234`. Tests and the devnet's own control calls use it. */
  rpcUrl: string;
  /** The anvil process id (gone once the devnet is closed). */
  pid: number;
  /** Two JSON-RPC proxies in front of the node, primary then secondary: what a chain registry should list. */
  endpoints: [RpcProxy, RpcProxy];
}

/** What is fixed about a devnet chain before it runs: its identity and its place in the chain catalogue. */
export interface DevnetChainSpec {
  /** A human-readable name. */
  label: string;
  /** The EIP-155 chain id. */
  chainId: number;
  /** Seconds between blocks unless `startDevnet` is told otherwise. */
  defaultBlockTimeSeconds: number;
  /** The catalogue slug, e.g. `junction-devnet-l1`. */
  slug: 'junction-devnet-l1' | 'junction-devnet-l2a' | 'junction-devnet-l2b';
  /** The catalogue kind. */
  kind: 'L1' | 'OPTIMISTIC_ROLLUP' | 'ZK_ROLLUP';
  /** The slug of the chain it settles on, or null for the L1. */
  settlementSlug: null | 'junction-devnet-l1';
}

/** The fixed facts of each devnet chain. */
export const devnetChainSpecs: Readonly<Record<DevnetChainName, DevnetChainSpec>> = {
  l1: {
    label: 'Junction Devnet L1',
    chainId: 900001,
    defaultBlockTimeSeconds: 2,
    slug: 'junction-devnet-l1',
    kind: 'L1',
    settlementSlug: null,
  },
  l2a: {
    label: 'Junction Devnet L2A',
    chainId: 900002,
    defaultBlockTimeSeconds: 1,
    slug: 'junction-devnet-l2a',
    kind: 'OPTIMISTIC_ROLLUP',
    settlementSlug: 'junction-devnet-l1',
  },
  l2b: {
    label: 'Junction Devnet L2B',
    chainId: 900003,
    defaultBlockTimeSeconds: 2,
    slug: 'junction-devnet-l2b',
    kind: 'ZK_ROLLUP',
    settlementSlug: 'junction-devnet-l1',
  },
};
