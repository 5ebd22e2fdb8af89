import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { DependencyReadiness } from '../observability/dependency-readiness';

/** Options of {@link useReadiness}. */
export interface UseReadinessOptions {
  /** The gateway's dependencies. */
  dependencies: DependencyReadiness;
  /** True once the gateway is shutting down: it is then never ready. */
  draining: () => boolean;
  /** The readiness path the runtime answers. @default '/readyz' */
  path?: string;
}

/**
 * Makes `/readyz` reflect what the gateway depends on: the runtime answers 200 once the supergraph is loaded; this
 * turns that into 503 while the gateway is draining, or while a subgraph's `/readyz` or Redis does not answer, and
 * says why as JSON (`{ status, failing }`: dependency names, no URLs). `/healthz` (liveness) is left as it is.
 */
export function useReadiness({ dependencies, draining, path = '/readyz' }: UseReadinessOptions): GatewayPlugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname !== path) return;
      let body: { status: string; failing?: string[] };
      if (draining()) body = { status: 'draining' };
      else if (response.status !== 200) body = { status: 'unavailable', failing: ['supergraph'] };
      else {
        const report = await dependencies.check();
        body = report.ready ? { status: 'ready' } : { status: 'unavailable', failing: report.failing };
      }
      setResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: body.status === 'ready' ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
