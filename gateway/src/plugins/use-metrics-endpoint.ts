import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { processMetricsRegistry, renderMetrics } from '@junction/observability';
import type { Registry } from 'prom-client';

/** Options of {@link useMetricsEndpoint}. */
export interface UseMetricsEndpointOptions {
  /** The gateway's registry. */
  registry: Registry;
  /** Append the process's metrics (CPU, memory, event loop lag, GC). @default true */
  processMetrics?: boolean;
  /** Where the metrics are served. @default '/metrics' */
  path?: string;
}

/**
 * Serves the gateway's Prometheus metrics (text exposition format) on `GET /metrics`, before anything else sees
 * the request: no API key, no rate limit, no CSRF check. Leave the plugin out to turn the endpoint off.
 */
export function useMetricsEndpoint({ registry, processMetrics = true, path = '/metrics' }: UseMetricsEndpointOptions): GatewayPlugin {
  const registries = processMetrics ? [registry, processMetricsRegistry()] : [registry];
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path || request.method !== 'GET') return;
      const { contentType, body } = await renderMetrics(registries);
      endResponse(new fetchAPI.Response(body, { status: 200, headers: { 'content-type': contentType } }));
    },
  };
}
