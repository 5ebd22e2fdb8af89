import { IsNumber, IsOptional, IsPositive, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PartnerAgreementStatus } from './enums';

const MAX_RESPONSE_MINUTES = 43_200;
const MAX_FINALITY_SECONDS = 60 * 60 * 24 * 30;
const UPTIME_MESSAGE = 'uptimeSlaPercent must be greater than 0 and at most 100, e.g. 99.9';

/** Response times by severity, in minutes; they may not shrink from SEV1 to SEV4. */
@InputType({ description: 'Response times by severity, in minutes; sev1 ≤ sev2 ≤ sev3 ≤ sev4.' })
export class AgreementResponseMinutesInput {
  @Field(() => Int)
  @Min(1, { message: 'sev1 must be 1 to 43200 minutes (30 days)' })
  @Max(MAX_RESPONSE_MINUTES, { message: 'sev1 must be 1 to 43200 minutes (30 days)' })
  sev1!: number;

  @Field(() => Int)
  @Min(1, { message: 'sev2 must be 1 to 43200 minutes (30 days)' })
  @Max(MAX_RESPONSE_MINUTES, { message: 'sev2 must be 1 to 43200 minutes (30 days)' })
  sev2!: number;

  @Field(() => Int)
  @Min(1, { message: 'sev3 must be 1 to 43200 minutes (30 days)' })
  @Max(MAX_RESPONSE_MINUTES, { message: 'sev3 must be 1 to 43200 minutes (30 days)' })
  sev3!: number;

  @Field(() => Int)
  @Min(1, { message: 'sev4 must be 1 to 43200 minutes (30 days)' })
  @Max(MAX_RESPONSE_MINUTES, { message: 'sev4 must be 1 to 43200 minutes (30 days)' })
  sev4!: number;
}

/** A new agreement with a partner, covering one chain or one bridge. */
@InputType({ description: 'A new agreement with a partner, covering exactly one chain or one bridge.' })
export class CreatePartnerAgreementInput {
  @Field(() => ID, { nullable: true, description: 'The chain covered; give this or bridgeId.' })
  chainId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The bridge covered; give this or chainId.' })
  bridgeId?: string | null;

  @Field(() => Int)
  @Min(0, { message: 'confirmationsRequired must be 0 to 10000' })
  @Max(10_000, { message: 'confirmationsRequired must be 0 to 10000' })
  confirmationsRequired!: number;

  @Field(() => Float)
  @IsPositive({ message: UPTIME_MESSAGE })
  @Max(100, { message: UPTIME_MESSAGE })
  @IsNumber({ maxDecimalPlaces: 3 }, { message: 'uptimeSlaPercent must have at most 3 decimal places, e.g. 99.995' })
  uptimeSlaPercent!: number;

  @Field(() => Int)
  @Min(1, { message: 'maxFinalitySeconds must be at least 1' })
  @Max(MAX_FINALITY_SECONDS, { message: 'maxFinalitySeconds must be at most 30 days (2592000 seconds)' })
  maxFinalitySeconds!: number;

  @Field(() => AgreementResponseMinutesInput)
  @ValidateNested()
  responseMinutes!: AgreementResponseMinutesInput;

  @Field(() => GraphQLLocalDate)
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Exclusive end; null for an open-ended agreement.' })
  effectiveUntil?: string | null;

  @Field(() => PartnerAgreementStatus, { defaultValue: PartnerAgreementStatus.DRAFT, description: 'DRAFT or ACTIVE.' })
  status: PartnerAgreementStatus = PartnerAgreementStatus.DRAFT;
}

/** Changes to an agreement's terms or status; omitted fields keep their value. */
@InputType({ description: "Changes to an agreement's terms or status (DRAFT → ACTIVE); omitted fields keep their value." })
export class UpdatePartnerAgreementInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'confirmationsRequired must be 0 to 10000' })
  @Max(10_000, { message: 'confirmationsRequired must be 0 to 10000' })
  confirmationsRequired?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive({ message: UPTIME_MESSAGE })
  @Max(100, { message: UPTIME_MESSAGE })
  @IsNumber({ maxDecimalPlaces: 3 }, { message: 'uptimeSlaPercent must have at most 3 decimal places, e.g. 99.995' })
  uptimeSlaPercent?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'maxFinalitySeconds must be at least 1' })
  @Max(MAX_FINALITY_SECONDS, { message: 'maxFinalitySeconds must be at most 30 days (2592000 seconds)' })
  maxFinalitySeconds?: number;

  @Field(() => AgreementResponseMinutesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  responseMinutes?: AgreementResponseMinutesInput;

  @Field(() => GraphQLLocalDate, { nullable: true })
  effectiveFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'null makes the agreement open-ended.' })
  effectiveUntil?: string | null;

  @Field(() => PartnerAgreementStatus, { nullable: true, description: 'Only DRAFT → ACTIVE.' })
  status?: PartnerAgreementStatus;
}

/** Why an agreement ends early. */
@InputType({ description: 'Why an agreement ends early.' })
export class TerminatePartnerAgreementInput {
  @Field()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}
