import { ArrayMaxSize, ArrayUnique, IsOptional, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IncidentDetectionSource, IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from './enums';
import { IsText } from './is-text';

/** Alert rule keys: lower-case words joined by `-`, `_`, `.` or `:`. */
export const RULE_KEY_PATTERN = /^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$/;
/** The most chains, bridges or partners one incident may list. */
export const MAX_AFFECTED = 50;
const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

/** How a new incident was detected. */
@InputType({ description: 'How a new incident was detected. RULE needs ruleKey; PERSON needs reporterName.' })
export class IncidentDetectionInput {
  @Field(() => IncidentDetectionSource)
  source!: IncidentDetectionSource;

  @Field(() => String, { nullable: true, description: 'The key of the alert rule that fired, e.g. `sequencer-head-stalled`.' })
  @IsOptional()
  @MaxLength(100, { message: 'ruleKey must be at most 100 characters' })
  @Matches(RULE_KEY_PATTERN, { message: 'ruleKey must be lower-case letters and digits joined by - _ . or :, e.g. "sequencer-head-stalled"' })
  ruleKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Who reported the incident.' })
  @IsOptional()
  @IsText(120)
  reporterName?: string | null;
}

/** A new incident. It starts INVESTIGATING, with its summary as the first timeline entry. */
@InputType({ description: 'A new incident. It starts INVESTIGATING, with its summary as the first timeline entry.' })
export class CreateIncidentInput {
  @Field({ description: 'A one-line headline, 1 to 200 characters.' })
  @IsText(200)
  title!: string;

  @Field({ description: 'What happened and what it means for users; also the first timeline entry.' })
  @IsText(5000)
  summary!: string;

  @Field(() => IncidentKind)
  kind!: IncidentKind;

  @Field(() => IncidentSeverity)
  severity!: IncidentSeverity;

  @Field(() => IncidentVisibility, { description: 'Who may see the incident; chosen explicitly, there is no default.' })
  visibility!: IncidentVisibility;

  @Field(() => [ID], { description: 'Affected chains. At least one chain or bridge is required.' })
  @ArrayMaxSize(MAX_AFFECTED, { message: `chainIds must list at most ${MAX_AFFECTED} chains` })
  @ArrayUnique({ message: 'chainIds must not list the same chain twice' })
  chainIds: string[] = [];

  @Field(() => [ID], { description: 'Affected bridges. At least one chain or bridge is required.' })
  @ArrayMaxSize(MAX_AFFECTED, { message: `bridgeIds must list at most ${MAX_AFFECTED} bridges` })
  @ArrayUnique({ message: 'bridgeIds must not list the same bridge twice' })
  bridgeIds: string[] = [];

  @Field(() => [ID], { description: 'Affected partners: they may see PARTNERS incidents and acknowledge them.' })
  @ArrayMaxSize(MAX_AFFECTED, { message: `partnerIds must list at most ${MAX_AFFECTED} partners` })
  @ArrayUnique({ message: 'partnerIds must not list the same partner twice' })
  partnerIds: string[] = [];

  @Field(() => String, { nullable: true, description: 'Where responders find the procedure for this kind of incident.' })
  @IsOptional()
  @MaxLength(500, { message: 'runbookUrl must be at most 500 characters' })
  @IsUrl(URL_OPTIONS, { message: 'runbookUrl must be an http(s) URL' })
  runbookUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Deduplication key, e.g. `sequencer-head-stalled:arbitrum-one`; refused while another open incident has it.',
  })
  @IsOptional()
  @Matches(/^\S{1,255}$/, { message: 'dedupKey must be 1 to 255 characters without white space' })
  dedupKey?: string | null;

  @Field(() => IncidentDetectionInput)
  @ValidateNested()
  detectedBy!: IncidentDetectionInput;

  @Field(() => Date, { nullable: true, description: 'When the impact began; defaults to now and may not be in the future.' })
  startedAt?: Date | null;
}

/** Changes to an incident; omitted fields keep their value. Status changes go through postIncidentUpdate. */
@InputType({ description: 'Changes to an incident; omitted fields keep their value. Status changes go through postIncidentUpdate.' })
export class UpdateIncidentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(5000)
  summary?: string | null;

  @Field(() => IncidentKind, { nullable: true })
  kind?: IncidentKind | null;

  @Field(() => IncidentSeverity, { nullable: true })
  severity?: IncidentSeverity | null;

  @Field(() => IncidentVisibility, { nullable: true })
  visibility?: IncidentVisibility | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the affected chains.' })
  @IsOptional()
  @ArrayMaxSize(MAX_AFFECTED, { message: `chainIds must list at most ${MAX_AFFECTED} chains` })
  @ArrayUnique({ message: 'chainIds must not list the same chain twice' })
  chainIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the affected bridges.' })
  @IsOptional()
  @ArrayMaxSize(MAX_AFFECTED, { message: `bridgeIds must list at most ${MAX_AFFECTED} bridges` })
  @ArrayUnique({ message: 'bridgeIds must not list the same bridge twice' })
  bridgeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the affected partners; a partner that acknowledged must stay.' })
  @IsOptional()
  @ArrayMaxSize(MAX_AFFECTED, { message: `partnerIds must list at most ${MAX_AFFECTED} partners` })
  @ArrayUnique({ message: 'partnerIds must not list the same partner twice' })
  partnerIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Null removes the runbook link.' })
  @IsOptional()
  @MaxLength(500, { message: 'runbookUrl must be at most 500 characters' })
  @IsUrl(URL_OPTIONS, { message: 'runbookUrl must be an http(s) URL' })
  runbookUrl?: string | null;
}

/** A timeline entry: a message, and optionally a new status. */
@InputType({ description: 'A timeline entry: a message, and optionally a new status (forward only).' })
export class PostIncidentUpdateInput {
  @Field(() => IncidentStatus, { nullable: true, description: 'The new status; omitted keeps the current one.' })
  status?: IncidentStatus | null;

  @Field({ description: 'What the responders know, did or expect.' })
  @IsText(5000)
  message!: string;

  @Field({ description: 'Who writes the update.' })
  @IsText(120)
  authorName!: string;
}
