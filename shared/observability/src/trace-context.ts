import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C Trace Context (`traceparent`, `tracestate`), used directly so no global OpenTelemetry state is needed. */
const propagator = new W3CTraceContextPropagator();

/** The trace context a request carries in `traceparent`/`tracestate`, or the root context when it carries none. */
export function extractTraceContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** The W3C headers (`traceparent`, and `tracestate` when set) that make a callee continue `span`'s trace under it. */
export function traceHeaders(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
  return headers;
}
