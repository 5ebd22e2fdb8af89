import type { Logger } from '@junction/observability';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { SubgraphMetrics } from './subgraph-metrics';

/** What a subgraph's server learns about one `/graphql` request while serving it. */
export interface RequestRecord {
  /** The request id (the gateway's, or a new one). */
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The logger of this request: every line carries `requestId`. */
  log: Logger;
  /** The request's server span, when tracing. */
  span?: Span;
  /** The operation's name, once known. */
  operationName?: string;
  /** `query`, `mutation` or `subscription`, once the operation is resolved. */
  operationType?: string;
  /** The caller's role and key id (never the key), once the context is built. */
  principal?: { role?: string; keyId?: string };
  /** The `extensions.code` of every error in the answer. */
  errorCodes: string[];
}

/**
 * The Apollo Server plugin that fills the {@link RequestRecord} of the request in progress (found in `scope`) with
 * its operation and the codes of its errors, and traces the operation as a child of the request's span. Listed
 * after the plugins that add errors, so it sees the answer as it is sent.
 */
export function recordOperations(scope: AsyncLocalStorage<RequestRecord>, tracer: Tracer | undefined): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const record = scope.getStore();
      if (!record) return;
      record.operationName = request.operationName ?? undefined;
      let operationSpan: Span | undefined;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          record.operationType = operation.operation;
          record.operationName = operationName ?? record.operationName;
          if (tracer && record.span) {
            operationSpan = tracer.startSpan(
              `graphql.${operation.operation}${operationName ? ` ${operationName}` : ''}`,
              { kind: SpanKind.INTERNAL, attributes: { 'graphql.operation.type': operation.operation, 'graphql.operation.name': operationName ?? '' } },
              trace.setSpan(ROOT_CONTEXT, record.span),
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            record.errorCodes = (response.body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
          }
          if (operationSpan) {
            if (record.errorCodes.length > 0) operationSpan.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(', ') });
            operationSpan.end();
          }
        },
      };
    },
  };
}

/** Counts, logs (one line) and ends the trace of a request that has been answered with `status`. */
export function finishRequest(record: RequestRecord, status: number, metrics: SubgraphMetrics): void {
  const seconds = (performance.now() - record.startedAt) / 1000;
  const operationType = record.operationType ?? 'none';
  metrics.requests.inc({ operation_type: operationType, status: String(status) });
  metrics.requestDuration.observe({ operation_type: operationType }, seconds);
  for (const code of record.errorCodes) metrics.errors.inc({ code });
  if (record.span) {
    record.span.setAttribute('http.response.status_code', status);
    if (status >= 500) record.span.setStatus({ code: SpanStatusCode.ERROR });
    record.span.end();
  }
  record.log[status >= 500 ? 'error' : 'info'](
    {
      operationName: record.operationName ?? null,
      operationType,
      role: record.principal?.role ?? null,
      keyId: record.principal?.keyId ?? null,
      status,
      durationMs: Math.round(seconds * 1e4) / 10,
      ...(record.errorCodes.length > 0 ? { errorCodes: record.errorCodes } : {}),
    },
    'request',
  );
}
