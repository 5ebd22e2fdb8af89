import DataLoader from 'dataloader';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import type { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import type { PartnerContactEntity } from '../entities/partner-contact.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { RolloutPlanEntity } from '../entities/rollout-plan.entity';
import type { RolloutTransitionEntity } from '../entities/rollout-transition.entity';
import type { ApiKeyRepository } from '../repositories/api-key.repository';
import type { ComponentOwnershipRepository } from '../repositories/component-ownership.repository';
import type { PartnerAgreementRepository } from '../repositories/partner-agreement.repository';
import type { PartnerContactRepository } from '../repositories/partner-contact.repository';
import type { PartnerRepository } from '../repositories/partner.repository';
import type { RolloutPlanRepository } from '../repositories/rollout-plan.repository';

/** The partners service's repositories, as the loaders need them. */
export interface PartnersRepositories {
  /** Partners. */
  partners: PartnerRepository;
  /** Partners' contacts. */
  contacts: PartnerContactRepository;
  /** Partners' agreements. */
  agreements: PartnerAgreementRepository;
  /** The ownership matrix. */
  ownerships: ComponentOwnershipRepository;
  /** Rollout plans and their history. */
  rolloutPlans: RolloutPlanRepository;
  /** API keys. */
  apiKeys: ApiKeyRepository;
}

/** The partners service's loaders; built per request so nothing is cached across callers. Each batch is one query. */
export interface PartnersLoaders {
  /** Partners by id (null where unknown); every `Partner` reference and owner/backup lookup goes through it. */
  partnerById: DataLoader<string, PartnerEntity | null>;
  /** Contacts by id. */
  contactById: DataLoader<string, PartnerContactEntity | null>;
  /** Contacts by partner id. */
  contactsByPartnerId: DataLoader<string, PartnerContactEntity[]>;
  /** Agreements by id. */
  agreementById: DataLoader<string, PartnerAgreementEntity | null>;
  /** Agreements by partner id. */
  agreementsByPartnerId: DataLoader<string, PartnerAgreementEntity[]>;
  /** Ownerships by id. */
  ownershipById: DataLoader<string, ComponentOwnershipEntity | null>;
  /** Ownerships where the partner is owner or backup, by partner id. */
  ownershipsByPartnerId: DataLoader<string, ComponentOwnershipEntity[]>;
  /** Ownerships by chain id (`Chain.owners`). */
  ownershipsByChainId: DataLoader<string, ComponentOwnershipEntity[]>;
  /** Ownerships by bridge id (`Bridge.owners`). */
  ownershipsByBridgeId: DataLoader<string, ComponentOwnershipEntity[]>;
  /** Distinct chains a partner owns a component of, by partner id. */
  chainIdsByOwnerId: DataLoader<string, string[]>;
  /** Rollout plans by id. */
  rolloutPlanById: DataLoader<string, RolloutPlanEntity | null>;
  /** Rollout plans by partner id. */
  rolloutPlansByPartnerId: DataLoader<string, RolloutPlanEntity[]>;
  /** Rollout history by plan id. */
  rolloutTransitionsByPlanId: DataLoader<string, RolloutTransitionEntity[]>;
  /** API keys (revoked ones included) by partner id. */
  apiKeysByPartnerId: DataLoader<string, ApiKeyEntity[]>;
}

/** Builds a fresh set of loaders for one request. */
export function createLoaders(repositories: PartnersRepositories): PartnersLoaders {
  const { partners, contacts, agreements, ownerships, rolloutPlans, apiKeys } = repositories;
  return {
    partnerById: new DataLoader((ids) => partners.findByIds(ids)),
    contactById: new DataLoader((ids) => contacts.findByIds(ids)),
    contactsByPartnerId: new DataLoader((ids) => contacts.findByPartnerIds(ids)),
    agreementById: new DataLoader((ids) => agreements.findByIds(ids)),
    agreementsByPartnerId: new DataLoader((ids) => agreements.findByPartnerIds(ids)),
    ownershipById: new DataLoader((ids) => ownerships.findByIds(ids)),
    ownershipsByPartnerId: new DataLoader((ids) => ownerships.findByPartnerIds(ids)),
    ownershipsByChainId: new DataLoader((ids) => ownerships.findByChainIds(ids)),
    ownershipsByBridgeId: new DataLoader((ids) => ownerships.findByBridgeIds(ids)),
    chainIdsByOwnerId: new DataLoader((ids) => ownerships.findChainIdsByOwnerIds(ids)),
    rolloutPlanById: new DataLoader((ids) => rolloutPlans.findByIds(ids)),
    rolloutPlansByPartnerId: new DataLoader((ids) => rolloutPlans.findByPartnerIds(ids)),
    rolloutTransitionsByPlanId: new DataLoader((ids) => rolloutPlans.findTransitionsByPlanIds(ids)),
    apiKeysByPartnerId: new DataLoader((ids) => apiKeys.findByPartnerIds(ids)),
  };
}
