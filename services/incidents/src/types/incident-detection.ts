import { VariesByCaller } from '@junction/federation';
import { Field, ObjectType } from 'type-graphql';
import { IncidentDetectionSource } from './enums';

/** How an incident was detected: by an alert rule, or by a person. */
@VariesByCaller()
@ObjectType({ description: 'How an incident was detected: by an alert rule, or reported by a person.' })
export class IncidentDetection {
  @Field(() => IncidentDetectionSource)
  source!: IncidentDetectionSource;

  @Field(() => String, { nullable: true, description: 'The key of the alert rule that fired; set when source is RULE.' })
  ruleKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Who reported the incident; set when source is PERSON.' })
  reporterName!: string | null;
}
