import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Options of {@link createTracing}. */
export interface CreateTracingOptions {
  /** The OTLP/HTTP collector's base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans are POSTed to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** The `service.name` of every span, e.g. `junction-gateway`. */
  serviceName: string;
  /** Where spans go instead of the OTLP exporter (tests). @default an OTLP/HTTP JSON exporter to `endpoint` */
  exporter?: SpanExporter;
}

/** A server's tracer and what flushes and stops it. */
export interface Tracing {
  /** Starts spans; they are batched and exported in the background. */
  tracer: Tracer;
  /** Exports every finished span now. */
  forceFlush(): Promise<void>;
  /** Exports what is left and stops; call it last on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * A tracer whose spans are exported over OTLP/HTTP (JSON) in batches. Nothing is registered globally: each server
 * gets its own provider (so the embedded `npm start` reports five services) and passes trace context on explicitly.
 * Build one only when an endpoint is configured: without it, servers make no spans at all.
 */
export function createTracing({ endpoint, serviceName, exporter }: CreateTracingOptions): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter ?? new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
  return {
    tracer: provider.getTracer('junction'),
    forceFlush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
