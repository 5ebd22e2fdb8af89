import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { IncidentEventLog } from '../events/incident-event-log';
import { WebhookOutbox } from '../repositories/webhook-outbox.repository';
import { AfterCommit } from './after-commit';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
import { registerWebhookMetrics } from './webhook-metrics';

/** Parameters of {@link setUpWebhooks}. */
export interface SetUpWebhooksParameters {
  /** The incidents service's DataSource. */
  dataSource: DataSource;
  /** The event log whose events are queued for delivery, in the transaction that records them. */
  eventLog: IncidentEventLog;
  /** The subgraph's metrics registry. */
  registry: Registry;
  /** The dispatcher's options, or false to send nothing from this process (deliveries are still queued). @default {} */
  dispatcher?: WebhookDispatcherOptions | false;
}

/** The webhook machinery of one incidents process. */
export interface Webhooks {
  /** Starts the dispatcher (if there is one). */
  start(): void;
  /** Makes the dispatcher look for due deliveries now (after a redelivery commits). */
  wake(): void;
  /** Stops the dispatcher and detaches from the DataSource. */
  close(): Promise<void>;
}

/**
 * Wires partner webhooks into the incidents service: every recorded event queues its deliveries in the same
 * transaction, the dispatcher is woken once that transaction commits, and the outbox metrics are registered.
 */
export function setUpWebhooks({ dataSource, eventLog, registry, dispatcher: dispatcherOptions = {} }: SetUpWebhooksParameters): Webhooks {
  const outbox = new WebhookOutbox(dataSource);
  const countAttempt = registerWebhookMetrics({ registry, outbox });
  const dispatcher =
    dispatcherOptions === false
      ? undefined
      : new WebhookDispatcher(outbox, {
          ...dispatcherOptions,
          onAttempt: (outcome) => {
            countAttempt(outcome);
            dispatcherOptions.onAttempt?.(outcome);
          },
        });
  const afterCommit = AfterCommit.attach(dataSource);
  eventLog.onRecord(async (manager, event) => {
    const queued = await outbox.enqueue(manager, event);
    if (queued > 0 && dispatcher) afterCommit.schedule(manager, () => dispatcher.wake());
  });
  return {
    start: () => dispatcher?.start(),
    wake: () => dispatcher?.wake(),
    async close() {
      await dispatcher?.close();
      afterCommit.detach();
    },
  };
}
