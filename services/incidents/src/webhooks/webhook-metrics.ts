import { Counter, Gauge, type Registry } from 'prom-client';
import type { WebhookOutbox } from '../repositories/webhook-outbox.repository';
import type { WebhookAttemptOutcome } from './webhook-dispatcher';

/** Parameters of {@link registerWebhookMetrics}. */
export interface RegisterWebhookMetricsParameters {
  /** The subgraph's registry (`SubgraphMetrics.registry`), served on `/metrics`. */
  registry: Registry;
  /** The outbox the depth is counted in. */
  outbox: WebhookOutbox;
}

/**
 * Registers the webhook metrics and returns what counts attempts:
 * - `junction_webhook_outbox_depth{status}`: deliveries PENDING (queued or waiting to retry) and FAILED (given up,
 *   waiting for a redelivery), counted on each scrape with one query, across all replicas;
 * - `junction_webhook_deliveries_total{outcome}`: attempts made by this replica, by outcome (`delivered`,
 *   `retrying`, `failed`).
 */
export function registerWebhookMetrics({ registry, outbox }: RegisterWebhookMetricsParameters): (outcome: WebhookAttemptOutcome) => void {
  new Gauge({
    name: 'junction_webhook_outbox_depth',
    help: 'Webhook deliveries in the outbox by status: PENDING (queued or waiting to retry) and FAILED (every attempt failed).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await outbox.countOpen();
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });
  const attempts = new Counter({
    name: 'junction_webhook_deliveries_total',
    help: 'Webhook delivery attempts made by this replica, by outcome: delivered (2xx), retrying (failed, retry scheduled), failed (no attempt left).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return (outcome) => attempts.inc({ outcome });
}
