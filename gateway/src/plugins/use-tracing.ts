import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { extractTraceContext, traceHeaders } from '@junction/observability';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { getOperationAST } from 'graphql';
import type { RequestFacts } from '../observability/request-facts';

/** Options of {@link useTracing}. */
export interface UseTracingOptions {
  /** Makes the spans (see `createTracing`). */
  tracer: Tracer;
  /** Where {@link useRequestId} keeps each request's id; the spans are kept there too. */
  facts: RequestFacts;
  /** The subgraph a fetch URL belongs to, when the runtime does not say. */
  subgraphOf: (url: string) => string | undefined;
}

/**
 * Traces each request: a server span for the HTTP request (continuing the caller's `traceparent`, if any), a span for
 * the GraphQL operation under it, and a client span for every subgraph fetch under that, whose context goes to the
 * subgraph in `traceparent` so the subgraph's spans join the trace. Only registered when a tracer is configured.
 */
export function useTracing({ tracer, facts, subgraphOf }: UseTracingOptions): GatewayPlugin {
  return {
    onRequest({ request, url }) {
      const fact = facts.of(request);
      if (!fact) return;
      fact.span = tracer.startSpan(
        `${request.method} ${url.pathname}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': url.pathname, 'junction.request_id': fact.requestId } },
        extractTraceContext(Object.fromEntries(request.headers)),
      );
    },
    onExecute({ args }) {
      const fact = facts.of((args.contextValue as { request?: Request }).request);
      if (!fact?.span) return;
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value;
      const span = tracer.startSpan(
        `graphql.${type}${name ? ` ${name}` : ''}`,
        { kind: SpanKind.INTERNAL, attributes: { 'graphql.operation.type': type, 'graphql.operation.name': name ?? '' } },
        trace.setSpan(ROOT_CONTEXT, fact.span),
      );
      fact.operationSpan = span;
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined;
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')).join(', ') });
          span.end();
        },
      };
    },
    onFetch({ context, url, options, setOptions, executionRequest }) {
      const fact = facts.of((context as { request?: Request }).request);
      const parent = fact?.operationSpan ?? fact?.span;
      if (!parent) return;
      const subgraph = executionRequest?.subgraphName ?? subgraphOf(url) ?? 'unknown';
      const span = tracer.startSpan(
        `subgraph ${subgraph}`,
        { kind: SpanKind.CLIENT, attributes: { 'junction.subgraph': subgraph, 'http.request.method': options.method ?? 'POST', 'url.full': url } },
        trace.setSpan(ROOT_CONTEXT, parent),
      );
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(traceHeaders(span))) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
    },
    onResponse({ request, response }) {
      const span = facts.of(request)?.span;
      if (!span) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
