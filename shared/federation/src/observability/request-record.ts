import { formatError } from '@junction/errors';
import type { Logger } from '@junction/observability';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
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

/** Parameters of {@link recordOperations}. */
export interface RecordOperationsParameters {
  /** The record of the request whose context this is. */
  recordOf: (context: BaseContext) => RequestRecord | undefined;
  /** Traces operations under the request's span, when set. */
  tracer: Tracer | undefined;
  /** Receives each error the answer masks from the client, with its request's record. */
  onMasked: (error: unknown, record: RequestRecord) => void;
}

/**
 * The Apollo Server plugin that fills the {@link RequestRecord} of the request in progress with its operation and
 * the codes of its errors, hands on the errors the answer masks, and traces the operation as a child of the
 * request's span. Listed after the plugins that add errors, so it sees the answer as it is sent.
 */
export function recordOperations({ recordOf, tracer, onMasked }: RecordOperationsParameters): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const record = recordOf(contextValue);
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
        async didEncounterErrors({ errors }) {
          // formatError decides what is masked; formatting here only finds those errors (the answer is formatted apart).
          for (const error of errors) formatError(error.toJSON(), error, { onMasked: (original) => onMasked(original, record) });
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
