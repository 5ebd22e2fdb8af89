import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Principal } from '@junction/federation/identity';
import type { Logger } from '@junction/observability';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { GatewayMetrics } from '../observability/gateway-metrics';
import type { RequestFacts } from '../observability/request-facts';

/** Options of {@link useRequestTelemetry}. */
export interface UseRequestTelemetryOptions {
  /** Where {@link useRequestId} keeps each request's id. */
  facts: RequestFacts;
  /** The gateway's metrics. */
  metrics: GatewayMetrics;
  /** The gateway's logger: one line per request to the GraphQL endpoint. */
  logger: Logger;
  /** The subgraph a fetch URL belongs to, when the runtime does not say. */
  subgraphOf: (url: string) => string | undefined;
  /** The path of the GraphQL endpoint; other paths (`/healthz`, `/readyz`, `/metrics`) are neither counted nor logged. @default '/graphql' */
  graphqlEndpoint?: string;
}

/**
 * Counts, times and logs every request to the GraphQL endpoint once it is answered: `junction_http_requests_total`
 * and `junction_http_request_duration_seconds` by operation type and status, `junction_graphql_errors_total` by code
 * and subgraph, `junction_subgraph_fetch_duration_seconds` for each subgraph fetch, and one JSON log line with the
 * request id, operation, the caller's role and key id (never the key), status and duration.
 */
export function useRequestTelemetry({ facts, metrics, logger, subgraphOf, graphqlEndpoint = '/graphql' }: UseRequestTelemetryOptions): GatewayPlugin {
  return {
    onParse({ context }) {
      const ctx = context as { request?: Request; params?: { operationName?: string | null } };
      return ({ result }) => {
        const fact = facts.of(ctx.request);
        if (!fact || !isDocument(result)) return;
        const operation = getOperationAST(result, ctx.params?.operationName ?? undefined);
        fact.operationType = operation?.operation;
        fact.operationName = operation?.name?.value ?? ctx.params?.operationName ?? undefined;
      };
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; principal?: Principal };
      const fact = facts.of(context.request);
      if (fact) fact.principal = context.principal;
    },
    onResultProcess({ request, result }) {
      const fact = facts.of(request);
      if (!fact) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of (single as ExecutionResult | undefined)?.errors ?? []) {
          const extensions = (error.extensions ?? {}) as { code?: unknown; subgraph?: unknown };
          fact.errors.push({ code: String(extensions.code ?? 'UNKNOWN'), subgraph: typeof extensions.subgraph === 'string' ? extensions.subgraph : '' });
        }
      }
    },
    onFetch({ url, executionRequest }) {
      const subgraph = executionRequest?.subgraphName ?? subgraphOf(url);
      if (!subgraph) return;
      const startedAt = performance.now();
      return () => metrics.subgraphFetchDuration.observe({ subgraph }, (performance.now() - startedAt) / 1000);
    },
    onResponse({ request, response }) {
      const fact = facts.of(request);
      if (!fact || new URL(request.url).pathname !== graphqlEndpoint) return;
      const seconds = (performance.now() - fact.startedAt) / 1000;
      const operationType = fact.operationType ?? 'none';
      metrics.requests.inc({ operation_type: operationType, status: String(response.status) });
      metrics.requestDuration.observe({ operation_type: operationType }, seconds);
      for (const { code, subgraph } of fact.errors) metrics.errors.inc({ code, subgraph });
      logger[response.status >= 500 ? 'error' : 'info'](
        {
          requestId: fact.requestId,
          method: request.method,
          operationName: fact.operationName ?? null,
          operationType,
          role: fact.principal?.role ?? null,
          keyId: fact.principal?.keyId ?? null,
          status: response.status,
          durationMs: Math.round(seconds * 1e4) / 10,
          ...(fact.errors.length > 0 ? { errorCodes: fact.errors.map(({ code }) => code) } : {}),
        },
        'request',
      );
    },
  };
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document';
}
