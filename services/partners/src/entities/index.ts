import { ApiKeyEntity } from './api-key.entity';
import { ComponentOwnershipEntity } from './component-ownership.entity';
import { PartnerAgreementEntity } from './partner-agreement.entity';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { RolloutPlanEntity } from './rollout-plan.entity';
import { RolloutTransitionEntity } from './rollout-transition.entity';

/** The partners service's entities: what its DataSource maps, for the service and the create-key command alike. */
export const entities = [
  PartnerEntity,
  PartnerContactEntity,
  PartnerAgreementEntity,
  ComponentOwnershipEntity,
  RolloutPlanEntity,
  RolloutTransitionEntity,
  ApiKeyEntity,
];
