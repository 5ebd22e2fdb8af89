import { Field, Float, ID, ObjectType } from 'type-graphql';
import { IncidentEventKind } from './enums';
import { Incident } from './incident';

/** One change to an incident, as subscribers receive it. */
@ObjectType({ description: 'One change to an incident, delivered to subscribers as it happens.' })
export class IncidentEvent {
  @Field(() => ID, { description: "The event's id; webhook deliveries of the same event carry it as their idempotency key." })
  id!: string;

  @Field(() => Float, { description: 'Increases in the order events were recorded (gaps possible).' })
  sequence!: number;

  @Field(() => IncidentEventKind)
  kind!: IncidentEventKind;

  @Field({ description: 'When the change happened.' })
  occurredAt!: Date;

  @Field(() => Incident, { description: 'The incident as it is when the event is delivered.' })
  incident!: object;
}
