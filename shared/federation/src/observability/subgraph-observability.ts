import type { Logger } from '@junction/observability';
import type { Tracer } from '@opentelemetry/api';

/** How a subgraph reports what it does, and how it stops. Every field is optional. */
export interface SubgraphObservability {
  /** The process's JSON logger; the subgraph logs through a child with `service`. @default JSON lines on stdout at `warn` (hosts pass theirs, at `LOG_LEVEL`) */
  logger?: Logger;
  /** Serve `/metrics` (Prometheus text). Metrics are counted either way. @default true */
  metricsEndpoint?: boolean;
  /**
   * Append the process's metrics (CPU, memory, event loop, GC) to `/metrics`. The one-process launcher turns this off
   * for the subgraphs, whose process the gateway's `/metrics` already reports. @default true
   */
  processMetrics?: boolean;
  /** Traces requests, continuing the trace of an incoming `traceparent`. @default undefined (no spans are made) */
  tracer?: Tracer;
  /** How long `close()` lets in-flight requests finish before cutting their connections, in milliseconds. @default 10000 */
  drainTimeoutMs?: number;
}
