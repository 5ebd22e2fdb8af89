import { Field, ID, InputType } from 'type-graphql';
import { IncidentKind, IncidentSeverity, IncidentStatus } from './enums';

/** Which incidents a list returns. */
@InputType({ description: 'Which incidents a list returns; all conditions must hold.' })
export class IncidentFilter {
  @Field(() => [IncidentStatus], { nullable: true })
  statuses?: IncidentStatus[] | null;

  @Field(() => [IncidentSeverity], { nullable: true })
  severities?: IncidentSeverity[] | null;

  @Field(() => [IncidentKind], { nullable: true })
  kinds?: IncidentKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents affecting this chain.' })
  chainId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents affecting this bridge.' })
  bridgeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only incidents affecting this partner.' })
  partnerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: not yet resolved; false: resolved; omitted: both.' })
  open?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Only incidents that started at or after this time.' })
  startedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only incidents that started before this time; must be later than startedAfter.' })
  startedBefore?: Date | null;

  @Field({ defaultValue: false, description: 'Include archived incidents.' })
  includeArchived: boolean = false;
}
