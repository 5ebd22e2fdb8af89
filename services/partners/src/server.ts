import { openDataSource, type Store } from '@junction/db';
import { createSubgraphService, type EntityDirectory, type SubgraphObservability, type SubgraphService } from '@junction/federation';
import { entities } from './entities';
import { createLoaders, type PartnersRepositories } from './loaders';
import { migrations } from './migrations';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { ComponentOwnershipRepository } from './repositories/component-ownership.repository';
import { PartnerAgreementRepository } from './repositories/partner-agreement.repository';
import { PartnerContactRepository } from './repositories/partner-contact.repository';
import { PartnerRepository } from './repositories/partner.repository';
import { RolloutPlanRepository } from './repositories/rollout-plan.repository';
import { ApiKeyPrincipalResolver } from './resolvers/api-key-principal.resolver';
import { ApiKeyResolver } from './resolvers/api-key.resolver';
import { BridgeOwnersResolver } from './resolvers/bridge-owners.resolver';
import { ChainOwnersResolver } from './resolvers/chain-owners.resolver';
import { ComponentOwnershipResolver } from './resolvers/component-ownership.resolver';
import { PartnerAgreementResolver } from './resolvers/partner-agreement.resolver';
import { PartnerContactResolver } from './resolvers/partner-contact.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { RolloutPlanResolver } from './resolvers/rollout-plan.resolver';
import { buildPartnersSchema } from './schema';
import { seedPartners } from './seed/seed';

/** What the partners subgraph needs from its host. */
export interface PartnersDependencies {
  /** The store, opened once per process. */
  store: Store;
  /** The PostgreSQL schema the service owns. @default 'partners' */
  dbSchema?: string;
  /** Fill an empty partner directory with the seed partners, matrix, agreements and plans. @default false */
  seed?: boolean;
  /** The secret the gateway signs principals with. */
  principalSecret: string;
  /** Asks the chains and bridges subgraphs whether referenced chain and bridge ids exist. */
  directory: EntityDirectory;
  /** Logs, `/metrics`, traces and the drain timeout. @default JSON logs on stdout at `warn`, `/metrics` served, no traces */
  observability?: SubgraphObservability;
}

/** A built (not listening) partners subgraph. */
export type PartnersService = SubgraphService;

/** Builds the partners subgraph: migrates its schema, seeds it if asked, and builds its server. */
export async function createServer({ store, dbSchema = 'partners', seed = false, principalSecret, directory, observability }: PartnersDependencies): Promise<PartnersService> {
  const db = await openDataSource({ store, schema: dbSchema, entities, migrations });
  return createSubgraphService({
    name: 'partners',
    db,
    principalSecret,
    observability,
    async build() {
      const repositories: PartnersRepositories = {
        partners: new PartnerRepository(db.dataSource),
        contacts: new PartnerContactRepository(db.dataSource),
        agreements: new PartnerAgreementRepository(db.dataSource),
        ownerships: new ComponentOwnershipRepository(db.dataSource),
        rolloutPlans: new RolloutPlanRepository(db.dataSource),
        apiKeys: new ApiKeyRepository(db.dataSource),
      };
      if (seed) await seedPartners(db.dataSource);
      const { schema } = await buildPartnersSchema(
        new Map<Function, object>([
          [PartnerResolver, new PartnerResolver(repositories.partners)],
          [PartnerContactResolver, new PartnerContactResolver(repositories.contacts)],
          [PartnerAgreementResolver, new PartnerAgreementResolver(repositories.agreements, directory)],
          [ComponentOwnershipResolver, new ComponentOwnershipResolver(repositories.ownerships, directory)],
          [RolloutPlanResolver, new RolloutPlanResolver(repositories.rolloutPlans, directory)],
          [ChainOwnersResolver, new ChainOwnersResolver()],
          [BridgeOwnersResolver, new BridgeOwnersResolver()],
          [ApiKeyResolver, new ApiKeyResolver(repositories.apiKeys)],
          [ApiKeyPrincipalResolver, new ApiKeyPrincipalResolver(repositories.apiKeys)],
        ]),
      );
      return { schema, createLoaders: () => createLoaders(repositories) };
    },
  });
}
