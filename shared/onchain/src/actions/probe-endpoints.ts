import { createPublicClient, hexToBigInt, hexToNumber, http } from 'viem';
import { RpcRequestFailedError, type RpcFailure } from '../errors/rpc-request-failed-error';
import type { RpcCallObserver } from '../clients/create-chain-client';
import { scrubUrl } from '../utils/scrub-url';

/** Parameters of {@link probeEndpoints}. */
export interface ProbeEndpointsParameters {
  /** The JSON-RPC HTTP endpoints to probe. */
  endpoints: readonly string[];
  /**
   * How long an endpoint may take to answer before it counts as unreachable, in milliseconds. There is no
   * retry: a probe reports what one request saw.
   * @default 2000
   */
  timeoutMs?: number;
  /**
   * The chain id the endpoints should serve; when given, each result says whether it does.
   * @default undefined (no comparison: `chainIdMatches` is `null`)
   */
  expectedChainId?: number;
  /**
   * Told of each of the two calls per endpoint, each with its own outcome (a chain's client passes on its own
   * observer, `client.onRpcCall`); reported under `expectedChainId`, so nothing is reported without it.
   * @default none
   */
  onRpcCall?: RpcCallObserver;
}

/** What one endpoint answered. */
export interface EndpointProbe {
  /** The endpoint, scrubbed of credentials ({@link scrubUrl}): safe to show. */
  url: string;
  /** Whether it answered both `eth_chainId` and `eth_blockNumber`. */
  reachable: boolean;
  /** Milliseconds the round-trip took, or `null` when it did not answer. */
  latencyMs: number | null;
  /** The chain id it serves, or `null` when it did not answer. */
  chainId: number | null;
  /** Whether `chainId` is `expectedChainId`; `null` when it did not answer or nothing was expected. */
  chainIdMatches: boolean | null;
  /** Its latest block number, or `null` when it did not answer. */
  blockNumber: bigint | null;
  /** How the request failed, or `null` when it answered. */
  failure: RpcFailure | null;
  /** Why it is unreachable, as a sentence without credentials, or `null` when it answered. */
  error: string | null;
}

/** What {@link probeEndpoints} returns: one probe per endpoint, in the order given. */
export type ProbeEndpointsReturnType = EndpointProbe[];

/** {@link probeEndpoints} never throws: an endpoint that fails is reported as unreachable. */
export type ProbeEndpointsErrorType = never;

/**
 * Asks every endpoint directly, in parallel, which chain it serves and what its latest block is: the
 * per-endpoint view a fallback client hides. Each endpoint gets its own short-lived client without fallback or
 * retries.
 *
 * - JSON-RPC: `eth_chainId` and `eth_blockNumber` per endpoint, as one HTTP batch each.
 *
 * @param parameters - {@link ProbeEndpointsParameters}
 * @returns One probe per endpoint. {@link ProbeEndpointsReturnType}
 *
 * @example
 * const probes = await probeEndpoints({ endpoints, expectedChainId: 1 });
 * const reachableEndpoints = probes.filter((probe) => probe.reachable).length;
 */
export async function probeEndpoints({
  endpoints,
  timeoutMs = 2000,
  expectedChainId,
  onRpcCall,
}: ProbeEndpointsParameters): Promise<ProbeEndpointsReturnType> {
  /** Reports how one call turned out, on its own: a batch can answer one call and fail the other. */
  const observed = <T>(method: string, request: Promise<T>): Promise<T> => {
    if (!onRpcCall || expectedChainId === undefined) return request;
    return request.then(
      (value) => {
        onRpcCall({ chainId: expectedChainId, method, outcome: 'success' });
        return value;
      },
      (error: unknown) => {
        onRpcCall({ chainId: expectedChainId, method, outcome: 'error' });
        throw error;
      },
    );
  };
  return Promise.all(
    endpoints.map(async (endpoint): Promise<EndpointProbe> => {
      const url = scrubUrl(endpoint);
      const client = createPublicClient({ transport: http(endpoint, { batch: { wait: 0 }, timeout: timeoutMs, retryCount: 0 }) });
      const started = performance.now();
      try {
        const [chainIdHex, blockNumberHex] = await Promise.all([
          observed('eth_chainId', client.request({ method: 'eth_chainId' })),
          observed('eth_blockNumber', client.request({ method: 'eth_blockNumber' })),
        ]);
        const latencyMs = Math.round(performance.now() - started);
        const chainId = hexToNumber(chainIdHex);
        const chainIdMatches = expectedChainId === undefined ? null : chainId === expectedChainId;
        const blockNumber = hexToBigInt(blockNumberHex);
        return { url, reachable: true, latencyMs, chainId, chainIdMatches, blockNumber, failure: null, error: null };
      } catch (cause) {
        const error = new RpcRequestFailedError({ cause, operation: 'probeEndpoints', chainId: expectedChainId ?? null });
        return {
          url,
          reachable: false,
          latencyMs: null,
          chainId: null,
          chainIdMatches: null,
          blockNumber: null,
          failure: error.failure,
          error: error.shortMessage,
        };
      }
    }),
  );
}
