import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { IncidentAcknowledgementEntity } from '../entities/incident-acknowledgement.entity';
import { IncidentAcknowledgement } from '../types/incident-acknowledgement';
import { PartnerReference } from '../types/partner-reference';

/** The partner of an acknowledgement, as a reference the partners subgraph resolves. */
@Resolver(() => IncidentAcknowledgement)
export class IncidentAcknowledgementResolver {
  @FieldResolver(() => PartnerReference, { description: 'The affected partner that acknowledged.' })
  partner(@Root() acknowledgement: IncidentAcknowledgementEntity): PartnerReference {
    return { id: acknowledgement.partnerId };
  }
}
