import { IsDisplayName } from '@junction/federation';
import { IsEmail, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
const PHONE_MESSAGE = 'phone must be in E.164 format: + and 7 to 15 digits, e.g. +14155550123';
const EMAIL_MESSAGE = 'email must be an email address, e.g. oncall@partner.example';

/** A new contact of a partner. */
@InputType({ description: 'A new contact of a partner.' })
export class AddPartnerContactInput {
  @Field()
  @IsDisplayName()
  name!: string;

  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @Length(3, 254, { message: 'email must be 3 to 254 characters' })
  email!: string;

  @Field({ description: 'Role or job title.' })
  @Length(1, 120, { message: 'title must be 1 to 120 characters' })
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'chatHandle must be 1 to 120 characters' })
  chatHandle?: string | null;

  @Field({ defaultValue: false })
  onCall: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Required when onCall: 1 is paged first.' })
  @IsOptional()
  @Min(1, { message: 'escalationOrder must be 1 or more (1 is paged first)' })
  @Max(100, { message: 'escalationOrder must be at most 100' })
  escalationOrder?: number | null;
}

/** Changes to a contact; omitted fields keep their value, null clears an optional one. */
@InputType({ description: 'Changes to a contact; omitted fields keep their value, null clears an optional one.' })
export class UpdatePartnerContactInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsDisplayName()
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @Length(3, 254, { message: 'email must be 3 to 254 characters' })
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'title must be 1 to 120 characters' })
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'chatHandle must be 1 to 120 characters' })
  chatHandle?: string | null;

  @Field({ nullable: true })
  onCall?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'escalationOrder must be 1 or more (1 is paged first)' })
  @Max(100, { message: 'escalationOrder must be at most 100' })
  escalationOrder?: number | null;
}
