import { collectDefaultMetrics, Registry } from 'prom-client';

/** Options of {@link createMetricsRegistry}. */
export interface CreateMetricsRegistryOptions {
  /** The server's name, added to every series of the registry as the `service` label (`gateway`, `chains` …). */
  service: string;
}

/**
 * A Prometheus registry of one server. The embedded `npm start` runs the gateway and four subgraphs in one process:
 * each has its own registry, so each server's `/metrics` holds its own series only, each labelled `service`.
 */
export function createMetricsRegistry({ service }: CreateMetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  return registry;
}

let processRegistry: Registry | undefined;

/**
 * The process's own metrics (prom-client's defaults: CPU, memory, heap, event loop lag, GC, handles), collected once
 * per process in a registry of their own, whichever servers the process hosts. A server that reports them appends
 * this registry to its own in `/metrics`.
 */
export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The Prometheus text exposition of `registries`, one after the other, and its content type. */
export async function renderMetrics(registries: readonly Registry[]): Promise<{ contentType: string; body: string }> {
  const texts = await Promise.all(registries.map((registry) => registry.metrics()));
  return { contentType: Registry.PROMETHEUS_CONTENT_TYPE, body: texts.filter((text) => text !== '').join('\n') };
}
