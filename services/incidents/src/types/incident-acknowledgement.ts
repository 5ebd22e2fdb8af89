import { VariesByCaller } from '@junction/federation';
import { Field, ID, ObjectType } from 'type-graphql';

/** An affected partner's acknowledgement of an incident. */
@VariesByCaller()
@ObjectType({ description: "An affected partner's acknowledgement of an incident; at most one per partner." })
export class IncidentAcknowledgement {
  @Field(() => ID)
  id!: string;

  /** Resolved by a field resolver from `partnerId`. */
  partnerId!: string;

  @Field({ description: "Who acknowledged, at the partner's side." })
  acknowledgedBy!: string;

  @Field(() => String, { nullable: true, description: 'What the partner says about it, if anything.' })
  note!: string | null;

  @Field({ description: 'When the partner acknowledged.' })
  createdAt!: Date;
}
