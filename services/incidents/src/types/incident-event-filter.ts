import { Field, ID, InputType } from 'type-graphql';
import { IncidentEventKind, IncidentSeverity } from './enums';

/** Which incident events a subscription receives. */
@InputType({ description: 'Which incident events a subscription receives; every condition given must hold. Omitted: all the caller may see.' })
export class IncidentEventFilter {
  @Field(() => [IncidentEventKind], { nullable: true })
  kinds?: IncidentEventKind[] | null;

  @Field(() => [IncidentSeverity], { nullable: true, description: "Only events of incidents with one of these severities (after the change)." })
  severities?: IncidentSeverity[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only events of these incidents.' })
  incidentIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only events of incidents affecting one of these chains.' })
  chainIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only events of incidents affecting one of these bridges.' })
  bridgeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only events of incidents affecting one of these partners.' })
  partnerIds?: string[] | null;
}
