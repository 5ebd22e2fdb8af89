import { createMetricsRegistry } from '@junction/observability';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** A sampler as {@link SubgraphMetrics.watchSampler} sees it (a `LeaderSampler`). */
export interface WatchedSampler {
  /** What it samples, e.g. `chain health`; the `sampler` label, with dashes for spaces. */
  readonly subject: string;
  /** True while this replica leads the sampling. */
  readonly isLeader: boolean;
  /** Seconds since its last successful run. */
  lagSeconds(): number;
}

/**
 * The Prometheus metrics of one subgraph, in a registry of its own whose series all carry `service="<subgraph>"`:
 * - `junction_http_requests_total{operation_type,status}` and `junction_http_request_duration_seconds{operation_type}`
 *   for `/graphql` (counted by the subgraph's server);
 * - `junction_graphql_errors_total{code}`, one per error in an answer, by `extensions.code`;
 * - what a service registers through {@link cacheObserver}, {@link rpcCallObserver} and {@link watchSampler}.
 */
export class SubgraphMetrics {
  /** The registry behind `/metrics`; a service may register metrics of its own on it. */
  readonly registry: Registry;
  /** GraphQL HTTP requests by operation type (`query`, `mutation`, `subscription`, `none`) and HTTP status. */
  readonly requests: Counter<'operation_type' | 'status'>;
  /** How long GraphQL HTTP requests took, in seconds, by operation type. */
  readonly requestDuration: Histogram<'operation_type'>;
  /** Errors in answers, by `extensions.code`. */
  readonly errors: Counter<'code'>;
  private cacheReads: Counter<'outcome'> | undefined;
  private rpcCalls: Counter<'chain_id' | 'method' | 'outcome'> | undefined;
  private readonly samplers: WatchedSampler[] = [];

  /** @param service - The subgraph's name, the `service` label of every series. */
  constructor(service: string) {
    this.registry = createMetricsRegistry({ service });
    this.requests = new Counter({
      name: 'junction_http_requests_total',
      help: 'GraphQL HTTP requests by operation type and HTTP status.',
      labelNames: ['operation_type', 'status'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: 'junction_http_request_duration_seconds',
      help: 'How long GraphQL HTTP requests took, in seconds.',
      labelNames: ['operation_type'],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'junction_graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code.',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }

  /**
   * Counts reads of a read-through cache by outcome as `junction_cache_reads_total{outcome}` (`hit`, `revalidating`,
   * `miss`, `stale`, `error`). Give the result to `cache.withObserver(…)`.
   */
  cacheObserver(): (outcome: string) => void {
    this.cacheReads ??= new Counter({
      name: 'junction_cache_reads_total',
      help: 'Reads of the read-through cache under on-chain reads, by outcome (hit, revalidating, miss, stale, error).',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    const counter = this.cacheReads;
    return (outcome) => counter.inc({ outcome });
  }

  /**
   * Counts JSON-RPC calls to chains' endpoints as `junction_rpc_calls_total{chain_id,method,outcome}` (`success` or
   * `error`). Give the result to `new ChainClientRegistry({ onRpcCall })`.
   */
  rpcCallObserver(): (call: { chainId: number; method: string; outcome: string }) => void {
    this.rpcCalls ??= new Counter({
      name: 'junction_rpc_calls_total',
      help: 'JSON-RPC calls to chain endpoints (each endpoint attempt, after its retries), by chain id, method and outcome.',
      labelNames: ['chain_id', 'method', 'outcome'],
      registers: [this.registry],
    });
    const counter = this.rpcCalls;
    return ({ chainId, method, outcome }) => counter.inc({ chain_id: String(chainId), method, outcome });
  }

  /**
   * Reports a health sampler as `junction_sampler_lag_seconds{sampler}` (seconds since its last successful run; it
   * grows while sampling fails) and `junction_sampler_leader{sampler}` (1 on the replica that samples).
   */
  watchSampler(sampler: WatchedSampler): void {
    if (this.samplers.length === 0) {
      const samplers = this.samplers;
      new Gauge({
        name: 'junction_sampler_lag_seconds',
        help: 'Seconds since the health sampler last ran successfully.',
        labelNames: ['sampler'],
        registers: [this.registry],
        collect() {
          for (const watched of samplers) this.set({ sampler: samplerLabel(watched) }, watched.lagSeconds());
        },
      });
      new Gauge({
        name: 'junction_sampler_leader',
        help: '1 while this replica leads the health sampling, else 0.',
        labelNames: ['sampler'],
        registers: [this.registry],
        collect() {
          for (const watched of samplers) this.set({ sampler: samplerLabel(watched) }, watched.isLeader ? 1 : 0);
        },
      });
    }
    this.samplers.push(sampler);
  }
}

const samplerLabel = (sampler: WatchedSampler) => sampler.subject.replace(/\s+/g, '-');
