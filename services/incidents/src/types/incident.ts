import { Connection, VariesByCaller } from '@junction/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from './enums';

/** An incident that hit chains or bridges. */
@VariesByCaller()
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Something that hit one or more chains or bridges, from detection to resolution.' })
export class Incident {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A one-line headline, 1 to 200 characters.' })
  title!: string;

  @Field({ description: 'What happened and what it means for users.' })
  summary!: string;

  @Field(() => IncidentKind)
  kind!: IncidentKind;

  @Field(() => IncidentSeverity)
  severity!: IncidentSeverity;

  @Field(() => IncidentStatus)
  status!: IncidentStatus;

  @Field(() => IncidentVisibility)
  visibility!: IncidentVisibility;

  @Field(() => String, { nullable: true, description: 'Where responders find the procedure for this kind of incident.' })
  runbookUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Deduplication key: no two incidents that are neither resolved nor archived share one.',
  })
  dedupKey!: string | null;

  @Field({ description: 'When the impact began (may be earlier than the first update).' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the incident first left INVESTIGATING.' })
  identifiedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the incident was resolved; null while it is open.' })
  resolvedAt!: Date | null;

  @Field({ description: 'When the incident was recorded.' })
  createdAt!: Date;

  @Field({ description: 'When the incident, its timeline or its acknowledgements last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the incident was archived; archived incidents leave lists.' })
  archivedAt!: Date | null;
}

/** A page of incidents. */
@VariesByCaller()
@ObjectType()
export class IncidentConnection extends Connection(Incident, { variesByCaller: true }) {}
