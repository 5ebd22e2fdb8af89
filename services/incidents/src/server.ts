import { openDataSource, type Store } from '@junction/db';
import { createMemoryEventBus, type EventBus } from '@junction/events';
import { createLogger } from '@junction/observability';
import { createSubgraphService, type EntityDirectory, type SubgraphObservability, type SubgraphService } from '@junction/federation';
import { eventBusPubSub } from './events/event-bus-pub-sub';
import { IncidentEventLog } from './events/incident-event-log';
import { createLoaders, type IncidentsRepositories } from './loaders';
import { migrations } from './migrations';
import { AffectedTargetRepository } from './repositories/affected-target.repository';
import { IncidentAcknowledgementRepository } from './repositories/incident-acknowledgement.repository';
import { IncidentTimelineRepository } from './repositories/incident-timeline.repository';
import { IncidentRepository } from './repositories/incident.repository';
import { BridgeIncidentsResolver, ChainIncidentsResolver, PartnerIncidentsResolver } from './resolvers/affected-incidents.resolver';
import { IncidentAcknowledgementResolver } from './resolvers/incident-acknowledgement.resolver';
import { IncidentEventsResolver } from './resolvers/incident-events.resolver';
import { IncidentMutationResolver } from './resolvers/incident-mutation.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { buildIncidentsSchema } from './schema';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
import { PartnerWebhooksResolver } from './resolvers/partner-webhooks.resolver';
import { WebhookDeliveryResolver } from './resolvers/webhook-delivery.resolver';
import { WebhookEndpointResolver } from './resolvers/webhook-endpoint.resolver';
import { SecretBox, type SecretBoxKey } from './webhooks/secret-box';
import type { WebhookDispatcherOptions } from './webhooks/webhook-dispatcher';
import { setUpWebhooks } from './webhooks/set-up-webhooks';
import { seedIncidents } from './seed/seed';
import { entities } from './entities';

export { incidentsEnv } from './config';
export { deriveWebhookSecretKeys, parseWebhookSecretKeys } from './webhooks/webhook-secret-keys';
export type { SecretBoxKey } from './webhooks/secret-box';

/** What the incidents subgraph needs from its host. */
export interface IncidentsDependencies {
  /** The store, opened once per process. */
  store: Store;
  /** The PostgreSQL schema the service owns. @default 'incidents' */
  dbSchema?: string;
  /** Fill an empty incident table with the seed incidents. @default false */
  seed?: boolean;
  /** The secret the gateway signs principals with. */
  principalSecret: string;
  /** Answers whether chains, bridges and partners exist, by asking the subgraphs that own them. */
  directory: EntityDirectory;
  /**
   * The webhook dispatcher's options (idle fallback, timeout, attempts, backoff), or false to send no webhooks from
   * this process (deliveries are still queued, for another replica to send). @default a dispatcher with its defaults
   */
  webhooks?: WebhookDispatcherOptions | false;
  /**
   * The keys webhook signing secrets are encrypted with at rest: the first seals, every one opens. Required, even
   * with `webhooks: false` (endpoints are still created and rotated here): the standalone service reads them from
   * `WEBHOOK_SECRET_KEYS`; `npm start` keeps a generated one in its data directory, and other one-process stacks
   * (tests, benchmarks) derive one from the principal secret ({@link deriveWebhookSecretKeys}).
   */
  webhookSecretKeys: readonly SecretBoxKey[];
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
  /**
   * Where incident events are published after their change commits, and where `incidentEvents` subscriptions
   * listen. Give every replica the same (Redis) bus. @default a bus of this service's own
   */
  events?: EventBus;
}

/** A built (not listening) incidents subgraph. */
export type IncidentsService = SubgraphService;


/** Builds the incidents subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'incidents', seed = false, principalSecret, directory, observability, events: givenEvents, webhooks: dispatcher = {}, webhookSecretKeys }: IncidentsDependencies): Promise<IncidentsService> {
  const secretBox = new SecretBox(webhookSecretKeys);
  const log = (observability?.logger ?? createLogger({ level: 'warn' })).child({ service: 'incidents' });
  const events = givenEvents ?? createMemoryEventBus({ onHandlerError: (error, topic) => log.error({ err: error, topic }, 'An event handler failed.') });
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  const eventLog = new IncidentEventLog({
    bus: events,
    onPublishError: (error, event) => log.error({ err: error, eventId: event.id }, 'An incident event was stored but could not be published'),
  });
  return createSubgraphService({
    name: 'incidents',
    db,
    principalSecret,
    observability,
    async build({ metrics }) {
      const webhooks = setUpWebhooks({
        dataSource: db.dataSource,
        eventLog,
        events,
        registry: metrics.registry,
        secretBox,
        dispatcher: dispatcher && { ...dispatcher, onError: dispatcher.onError ?? ((error) => log.warn({ err: error }, 'Webhook deliveries could not be sent this round; they are retried')) },
      });
      const repositories: IncidentsRepositories = {
        incidents: new IncidentRepository(db.dataSource, directory, eventLog),
        timeline: new IncidentTimelineRepository(db.dataSource, eventLog),
        acknowledgements: new IncidentAcknowledgementRepository(db.dataSource, eventLog),
        affectedTargets: new AffectedTargetRepository(db.dataSource),
        webhookEndpoints: new WebhookEndpointRepository(db.dataSource, directory, secretBox, () => webhooks.wake()),
        webhookDeliveries: new WebhookDeliveryRepository(db.dataSource, () => webhooks.wake()),
      };
      if (seed) await seedIncidents(db.dataSource);
      const { schema } = await buildIncidentsSchema(
        new Map<Function, object>([
          [IncidentResolver, new IncidentResolver(repositories.incidents)],
          [IncidentMutationResolver, new IncidentMutationResolver(repositories.incidents, repositories.timeline, repositories.acknowledgements)],
          [IncidentAcknowledgementResolver, new IncidentAcknowledgementResolver()],
          [ChainIncidentsResolver, new ChainIncidentsResolver()],
          [BridgeIncidentsResolver, new BridgeIncidentsResolver()],
          [PartnerIncidentsResolver, new PartnerIncidentsResolver()],
          [IncidentEventsResolver, new IncidentEventsResolver()],
          [WebhookEndpointResolver, new WebhookEndpointResolver(repositories.webhookEndpoints)],
          [WebhookDeliveryResolver, new WebhookDeliveryResolver(repositories.webhookDeliveries)],
          [PartnerWebhooksResolver, new PartnerWebhooksResolver()],
        ]),
        eventBusPubSub(events),
      );
      webhooks.start();
      return {
        schema,
        createLoaders: (principal) => createLoaders(repositories, principal),
        // Subscriptions and published events need the bus: `/readyz` fails while it cannot deliver (Redis down).
        ready: () => events.ready(),
        close: async () => {
          await webhooks.close();
          if (!givenEvents) await events.close();
        },
      };
    },
  });
}
