import { INCIDENT_EVENTS_TOPIC, type EventBus, type IncidentEventMessage } from '@junction/events';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { IncidentEventLog } from '../events/incident-event-log';
import { WebhookOutbox } from '../repositories/webhook-outbox.repository';
import type { SecretBox } from './secret-box';
import { WebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
import { webhookAudience } from './webhook-audience';
import { registerWebhookMetrics } from './webhook-metrics';

/** Parameters of {@link setUpWebhooks}. */
export interface SetUpWebhooksParameters {
  /** The incidents service's DataSource. */
  dataSource: DataSource;
  /** The event log whose events are queued for delivery, in the transaction that records them. */
  eventLog: IncidentEventLog;
  /**
   * The bus the event log publishes on, after each commit: every event with a partner audience wakes the dispatcher
   * (on every replica that shares the bus), so deliveries go out at once without polling.
   */
  events: EventBus;
  /** The subgraph's metrics registry. */
  registry: Registry;
  /** Opens the endpoints' sealed signing secrets for the dispatcher. */
  secretBox: SecretBox;
  /** The dispatcher's options, or false to send nothing from this process (deliveries are still queued). @default {} */
  dispatcher?: WebhookDispatcherOptions | false;
}

/** The webhook machinery of one incidents process. */
export interface Webhooks {
  /** Starts the dispatcher (if there is one). */
  start(): void;
  /** Makes the dispatcher look for due deliveries now (after a commit that queued a delivery without an event: a redelivery). */
  wake(): void;
  /** Stops the dispatcher and its bus subscription. */
  close(): Promise<void>;
}

/**
 * Wires partner webhooks into the incidents service: every recorded event queues its deliveries in the same
 * transaction, the dispatcher is woken by each event the bus carries that has a partner audience (published once that
 * transaction commits), and
 * the outbox metrics are registered.
 */
export function setUpWebhooks({ dataSource, eventLog, events, registry, secretBox, dispatcher: dispatcherOptions = {} }: SetUpWebhooksParameters): Webhooks {
  const outbox = new WebhookOutbox(dataSource, secretBox);
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
  eventLog.onRecord(async (manager, event) => {
    await outbox.enqueue(manager, event);
  });
  // Only an event with a partner audience can have queued deliveries: the others cost no outbox round.
  const unsubscribe = dispatcher
    ? events.subscribe<IncidentEventMessage>(INCIDENT_EVENTS_TOPIC, (event) => webhookAudience(event).length > 0 && dispatcher.wake())
    : () => {};
  return {
    start: () => dispatcher?.start(),
    wake: () => dispatcher?.wake(),
    async close() {
      unsubscribe();
      await dispatcher?.close();
    },
  };
}
