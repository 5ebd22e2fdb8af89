import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsText } from './is-text';

/** The largest `first` of a contributed incident list (`Chain.incidents` …). */
export const MAX_AFFECTED_INCIDENTS = 100;
/** The default `first` of a contributed incident list. */
export const DEFAULT_AFFECTED_INCIDENTS = 20;

/** Arguments of `resolveIncident`. */
@ArgsType()
export class ResolveIncidentArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The closing timeline entry.' })
  @IsText(5000)
  message!: string;

  @Field({ description: 'Who writes the timeline entry.' })
  @IsText(120)
  authorName!: string;
}

/** Arguments of `reopenIncident`. */
@ArgsType()
export class ReopenIncidentArgs {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Why the incident is reopened; recorded as a timeline entry.' })
  @IsText(5000)
  reason!: string;

  @Field({ description: 'Who writes the timeline entry.' })
  @IsText(120)
  authorName!: string;
}

/** Arguments of `acknowledgeIncident`. */
@ArgsType()
export class AcknowledgeIncidentArgs {
  @Field(() => ID)
  incidentId!: string;

  @Field(() => ID, { description: 'An affected partner of the incident.' })
  partnerId!: string;

  @Field({ description: "Who acknowledges, at the partner's side." })
  @IsText(120)
  acknowledgedBy!: string;

  @Field(() => String, { nullable: true, description: 'What the partner says about it, up to 1000 characters.' })
  @IsOptional()
  @IsText(1000)
  note?: string | null;
}

/** Arguments of the incident lists contributed to other subgraphs' entities (`Chain.incidents` …). */
@ArgsType()
export class AffectedIncidentsArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: open incidents only; false: resolved ones only; omitted: both.' })
  open?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_AFFECTED_INCIDENTS, description: `How many, newest first; 1 to ${MAX_AFFECTED_INCIDENTS}.` })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_AFFECTED_INCIDENTS, { message: `first must be at most ${MAX_AFFECTED_INCIDENTS}; page through more with Query.incidents` })
  first?: number | null = DEFAULT_AFFECTED_INCIDENTS;
}
