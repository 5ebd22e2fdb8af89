import { openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type EntityDirectory, type SubgraphObservability, type SubgraphService } from '@junction/federation';
import { IncidentAcknowledgementEntity } from './entities/incident-acknowledgement.entity';
import { IncidentBridgeEntity } from './entities/incident-bridge.entity';
import { IncidentChainEntity } from './entities/incident-chain.entity';
import { IncidentPartnerEntity } from './entities/incident-partner.entity';
import { IncidentUpdateEntity } from './entities/incident-update.entity';
import { IncidentEntity } from './entities/incident.entity';
import { createLoaders, type IncidentsRepositories } from './loaders';
import { migrations } from './migrations';
import { AffectedTargetRepository } from './repositories/affected-target.repository';
import { IncidentAcknowledgementRepository } from './repositories/incident-acknowledgement.repository';
import { IncidentTimelineRepository } from './repositories/incident-timeline.repository';
import { IncidentRepository } from './repositories/incident.repository';
import { BridgeIncidentsResolver, ChainIncidentsResolver, PartnerIncidentsResolver } from './resolvers/affected-incidents.resolver';
import { IncidentAcknowledgementResolver } from './resolvers/incident-acknowledgement.resolver';
import { IncidentMutationResolver } from './resolvers/incident-mutation.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { buildIncidentsSchema } from './schema';
import { seedIncidents } from './seed/seed';

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
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A built (not listening) incidents subgraph. */
export type IncidentsService = SubgraphService;

/** The service's entities. */
export const entities = [
  IncidentEntity,
  IncidentChainEntity,
  IncidentBridgeEntity,
  IncidentPartnerEntity,
  IncidentUpdateEntity,
  IncidentAcknowledgementEntity,
];

/** Builds the incidents subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'incidents', seed = false, principalSecret, directory, observability }: IncidentsDependencies): Promise<IncidentsService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  return createSubgraphService({
    name: 'incidents',
    db,
    principalSecret,
    observability,
    async build() {
      const repositories: IncidentsRepositories = {
        incidents: new IncidentRepository(db.dataSource, directory),
        timeline: new IncidentTimelineRepository(db.dataSource),
        acknowledgements: new IncidentAcknowledgementRepository(db.dataSource),
        affectedTargets: new AffectedTargetRepository(db.dataSource),
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
        ]),
      );
      return { schema, createLoaders: (principal) => createLoaders(repositories, principal) };
    },
  });
}
