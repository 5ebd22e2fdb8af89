import { IsOptional, IsUrl, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PartnerKind, PartnerStatus } from './enums';

/** Slugs are lower-case words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MESSAGE = 'must be lower-case letters, digits and single hyphens, e.g. "offchain-labs"';
/** What counts as a website URL. */
export const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

/** A new partner. */
@InputType({ description: 'A new partner.' })
export class CreatePartnerInput {
  @Field()
  @Matches(SLUG_PATTERN, { message: `slug ${SLUG_MESSAGE}` })
  @Length(2, 64, { message: 'slug must be 2 to 64 characters' })
  slug!: string;

  @Field()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => PartnerStatus, { defaultValue: PartnerStatus.PROSPECT })
  status: PartnerStatus = PartnerStatus.PROSPECT;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'websiteUrl must be an http(s) URL, e.g. https://partner.example' })
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: 'description must be 1 to 2000 characters' })
  description?: string | null;
}

/** Changes to a partner; omitted fields keep their value. The slug never changes. */
@InputType({ description: 'Changes to a partner; omitted fields keep their value. The slug never changes.' })
export class UpdatePartnerInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'name must be 1 to 120 characters' })
  name?: string;

  @Field(() => PartnerKind, { nullable: true })
  kind?: PartnerKind;

  @Field(() => PartnerStatus, { nullable: true })
  status?: PartnerStatus;

  @Field(() => String, { nullable: true, description: 'null removes the website.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'websiteUrl must be an http(s) URL, e.g. https://partner.example' })
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes the description.' })
  @IsOptional()
  @Length(1, 2000, { message: 'description must be 1 to 2000 characters' })
  description?: string | null;
}

/** Which partners a list returns. */
@InputType({ description: 'Which partners a list returns; all conditions must hold.' })
export class PartnerFilter {
  @Field(() => [PartnerKind], { nullable: true })
  kinds?: PartnerKind[];

  @Field(() => [PartnerStatus], { nullable: true })
  statuses?: PartnerStatus[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or slug.' })
  @IsOptional()
  @Length(1, 100, { message: 'search must be 1 to 100 characters' })
  search?: string;

  @Field({ defaultValue: false, description: 'Include archived partners.' })
  includeArchived: boolean = false;
}
