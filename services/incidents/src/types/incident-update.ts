import { VariesByCaller } from '@junction/federation';
import { Field, ID, ObjectType } from 'type-graphql';
import { IncidentStatus } from './enums';

/** One entry of an incident's timeline. */
@VariesByCaller()
@ObjectType({ description: "One entry of an incident's timeline. Every status change writes one." })
export class IncidentUpdate {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentStatus, { description: 'The status of the incident after this update.' })
  status!: IncidentStatus;

  @Field(() => IncidentStatus, { nullable: true, description: 'The status before this update; null on the first entry.' })
  previousStatus!: IncidentStatus | null;

  @Field({ description: 'What the responders know, did or expect.' })
  message!: string;

  @Field({ description: 'Who wrote the update.' })
  authorName!: string;

  @Field({ description: 'When the update was posted.' })
  createdAt!: Date;
}
