import {
  createPublicClient,
  defineChain,
  fallback,
  http,
  type Address,
  type Chain,
  type FallbackTransport,
  type HttpTransport,
  type PublicClient,
} from 'viem';
import { OnchainError } from '../errors/onchain-error';
import type { ChainClientRankOptions } from './chain-client-rank-options';

/** Parameters of {@link createChainClient}. */
export interface CreateChainClientParameters {
  /** The chain's EIP-155 chain id, as the registry has it. */
  chainId: number;
  /** The chain's name, for messages. */
  name: string;
  /** The chain's JSON-RPC HTTP endpoints, in order of preference. Secrets: never show them unscrubbed. */
  endpoints: readonly string[];
  /**
   * Timeout of one HTTP request to one endpoint, in milliseconds.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * How many times a failed request is retried on the same endpoint before the next endpoint is tried.
   * @default 2
   */
  retryCount?: number;
  /**
   * Base delay of the exponential backoff between retries, in milliseconds (`retryDelayMs × 2^attempt`).
   * @default 150
   */
  retryDelayMs?: number;
  /**
   * Rank the endpoints by sampled latency and stability and use the best first (`true` uses the defaults of
   * {@link ChainClientRankOptions}); `false` keeps the order of `endpoints`.
   * @default true
   */
  rank?: boolean | ChainClientRankOptions;
  /**
   * Send the JSON-RPC requests made in the same tick as one HTTP batch, and aggregate concurrent contract reads
   * into one Multicall3 `eth_call`.
   * @default true
   */
  batch?: boolean;
  /**
   * Address of the Multicall3 contract on this chain.
   * @default '0xcA11bde05977b3631167028862bE2a173976CA11'
   */
  multicall3Address?: Address;
  /**
   * The chain's expected block time in milliseconds; viem caches the block number for half of it.
   * @default undefined (viem's default cache time, 4 s)
   */
  blockTimeMs?: number;
  /**
   * The chain's gas token.
   * @default { name: 'Ether', symbol: 'ETH', decimals: 18 }
   */
  nativeCurrency?: Chain['nativeCurrency'];
  /**
   * Told of every JSON-RPC call answered or failed by an endpoint (after that endpoint's retries), for metrics.
   * Endpoint ranking probes are not calls. Must not throw.
   * @default none
   */
  onRpcCall?: RpcCallObserver;
}

/** One JSON-RPC call to one endpoint of a chain, as {@link CreateChainClientParameters.onRpcCall} is told of it. */
export interface RpcCall {
  /** The chain's EIP-155 chain id. */
  chainId: number;
  /** The JSON-RPC method, e.g. `eth_getBlockByNumber`. */
  method: string;
  /** Whether the endpoint answered (`success`) or not (`error`, after its retries). */
  outcome: 'success' | 'error';
}

/** Told of each {@link RpcCall}. */
export type RpcCallObserver = (call: RpcCall) => void;

/**
 * A viem public client for one chain, over a ranked `fallback` of its endpoints, plus `close()`: it stops the
 * endpoint ranking, whose sampling loop viem cannot stop (wevm/viem#3663). After `close()` no sample starts, and
 * the last timer ends within `rank.intervalMs`; the client still answers requests.
 */
export type ChainClient = PublicClient<FallbackTransport<readonly HttpTransport[]>, Chain> & {
  /** Stops background work (endpoint ranking). Idempotent. */
  close: () => void;
  /** The observer of this client's calls, for reads that go around the client (`probeEndpoints`). */
  onRpcCall: RpcCallObserver | undefined;
};

/** Errors {@link createChainClient} throws. */
export type CreateChainClientErrorType = OnchainError;

/**
 * Creates the client every on-chain read of one chain goes through: viem's `fallback` transport over one `http`
 * transport per endpoint, ranked (`rank`), with JSON-RPC batching (`batch: { wait: 0 }`) and Multicall3 batching
 * (`batch: { multicall: true }`) on a `Chain` that knows the Multicall3 address.
 *
 * Retries come from viem's transport: a failed request (network error, timeout, HTTP 408/429/5xx, JSON-RPC
 * rate-limit or internal error) is retried `retryCount` times on the same endpoint with exponential backoff
 * (`retryDelayMs × 2^attempt`, or the endpoint's `Retry-After`), then the next endpoint is tried. So a request
 * to a chain whose endpoints are all down fails after at most
 * `endpoints × ((retryCount + 1) × timeoutMs + retryDelayMs × (2^retryCount − 1))` milliseconds (longer only if
 * an endpoint sends a `Retry-After`).
 *
 * @example
 * const client = createChainClient({ chainId: 1, name: 'Ethereum', endpoints: [primaryUrl, backupUrl] });
 * const head = await getChainHead(client);
 * client.close();
 */
export function createChainClient({
  chainId,
  name,
  endpoints,
  timeoutMs = 5000,
  retryCount = 2,
  retryDelayMs = 150,
  rank = true,
  batch = true,
  multicall3Address = '0xcA11bde05977b3631167028862bE2a173976CA11',
  blockTimeMs,
  nativeCurrency = { name: 'Ether', symbol: 'ETH', decimals: 18 },
  onRpcCall,
}: CreateChainClientParameters): ChainClient {
  if (endpoints.length === 0) {
    throw new OnchainError(`${name} (chain id ${chainId}) has no RPC endpoints; configure at least one.`, {
      kind: 'misconfigured',
      details: { Chain: name, 'Chain id': chainId },
    });
  }
  const chain = defineChain({
    id: chainId,
    name,
    nativeCurrency,
    rpcUrls: { default: { http: [...endpoints] } },
    contracts: { multicall3: { address: multicall3Address } },
    ...(blockTimeMs === undefined ? {} : { blockTime: blockTimeMs }),
  });
  const transports = endpoints.map((url) =>
    http(url, { batch: batch ? { wait: 0 } : false, timeout: timeoutMs, retryCount, retryDelay: retryDelayMs }),
  );

  let closed = false;
  const rankOptions = rank === true ? {} : rank;
  const transport = fallback(transports, {
    // Retries happen per endpoint (above); the fallback itself moves on to the next endpoint instead.
    retryCount: 0,
    rank: rankOptions && {
      interval: rankOptions.intervalMs ?? 4000,
      sampleCount: rankOptions.sampleCount ?? 10,
      timeout: rankOptions.timeoutMs ?? 1000,
      weights: { latency: rankOptions.latencyWeight ?? 0.3, stability: rankOptions.stabilityWeight ?? 0.7 },
      // A sample that never settles ends viem's ranking loop; that is how `close()` stops it.
      ping: ({ transport }) => (closed ? new Promise<never>(() => {}) : transport.request({ method: 'eth_blockNumber' })),
    },
  });

  const client = createPublicClient({ chain, transport, batch: { multicall: batch } });
  if (onRpcCall) client.transport.onResponse(({ method, status }) => onRpcCall({ chainId, method, outcome: status }));
  return client.extend(() => ({
    close: () => {
      closed = true;
    },
    onRpcCall,
  }));
}
