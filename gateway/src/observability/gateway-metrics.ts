import { createMetricsRegistry } from '@junction/observability';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The gateway's Prometheus metrics, in a registry of its own whose series carry `service="gateway"`:
 * - `junction_http_requests_total{operation_type,status}`, `junction_http_request_duration_seconds{operation_type}`:
 *   requests to `/graphql` by operation type (`query`, `mutation`, `subscription`, `none` when there was no valid
 *   operation) and HTTP status;
 * - `junction_graphql_errors_total{code,subgraph}`: errors in answers by `extensions.code` and the subgraph that
 *   caused them (empty for the gateway's own: validation, auth, rate limits);
 * - `junction_subgraph_fetch_duration_seconds{subgraph}`: every HTTP request to a subgraph;
 * - `junction_response_cache_hits_total`, `junction_response_cache_misses_total`: for the response cache to count;
 * - `junction_open_subscriptions`: subscriptions open on this replica, and `junction_upstream_subscriptions`: the
 *   subscriptions it holds towards the subgraphs to serve them, both read at scrape time from {@link watchSubscriptions}.
 */
export class GatewayMetrics {
  /** The registry behind `/metrics`; a feature may register metrics of its own on it. */
  readonly registry: Registry;
  /** GraphQL HTTP requests by operation type and HTTP status. */
  readonly requests: Counter<'operation_type' | 'status'>;
  /** How long GraphQL HTTP requests took, in seconds, by operation type. */
  readonly requestDuration: Histogram<'operation_type'>;
  /** Errors in answers, by `extensions.code` and subgraph. */
  readonly errors: Counter<'code' | 'subgraph'>;
  /** How long each HTTP request to a subgraph took, in seconds. */
  readonly subgraphFetchDuration: Histogram<'subgraph'>;
  /** Operations answered from the response cache. Incremented by the response cache. */
  readonly responseCacheHits: Counter<'operation_type'>;
  /** Operations the response cache could not answer (executed, then maybe stored). Incremented by the response cache. */
  readonly responseCacheMisses: Counter<'operation_type'>;

  constructor() {
    const registers = [(this.registry = createMetricsRegistry({ service: 'gateway' }))];
    this.requests = new Counter({ name: 'junction_http_requests_total', help: 'GraphQL HTTP requests by operation type and HTTP status.', labelNames: ['operation_type', 'status'], registers });
    this.requestDuration = new Histogram({ name: 'junction_http_request_duration_seconds', help: 'How long GraphQL HTTP requests took, in seconds.', labelNames: ['operation_type'], registers });
    this.errors = new Counter({ name: 'junction_graphql_errors_total', help: 'Errors in GraphQL answers, by extensions.code and the subgraph that caused them.', labelNames: ['code', 'subgraph'], registers });
    this.subgraphFetchDuration = new Histogram({ name: 'junction_subgraph_fetch_duration_seconds', help: 'How long HTTP requests to subgraphs took, in seconds.', labelNames: ['subgraph'], registers });
    this.responseCacheHits = new Counter({ name: 'junction_response_cache_hits_total', help: 'Operations answered from the response cache.', labelNames: ['operation_type'], registers });
    this.responseCacheMisses = new Counter({ name: 'junction_response_cache_misses_total', help: 'Operations the response cache could not answer.', labelNames: ['operation_type'], registers });
  }

  /** Reports `open()` as `junction_open_subscriptions` and `upstream()` as `junction_upstream_subscriptions` on every scrape. */
  watchSubscriptions({ open, upstream }: { open: () => number; upstream: () => number }): void {
    const gauges = [
      ['junction_open_subscriptions', 'Subscriptions open on this gateway replica, over WebSocket and SSE.', open],
      ['junction_upstream_subscriptions', 'Subscriptions this gateway replica holds open towards the subgraphs; clients with the same operation and view share one.', upstream],
    ] as const;
    for (const [name, help, read] of gauges) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    }
  }
}
