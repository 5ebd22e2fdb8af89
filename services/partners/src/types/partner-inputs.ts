import { IsDisplayName, IsSearchText, IsSlug, IsWebUrl } from '@junction/federation';
import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PartnerKind, PartnerStatus } from './enums';

/** A new partner. */
@InputType({ description: 'A new partner.' })
export class CreatePartnerInput {
  @Field()
  @IsSlug('offchain-labs')
  slug!: string;

  @Field()
  @IsDisplayName()
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => PartnerStatus, { defaultValue: PartnerStatus.PROSPECT })
  status: PartnerStatus = PartnerStatus.PROSPECT;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
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
  @IsDisplayName()
  name?: string;

  @Field(() => PartnerKind, { nullable: true })
  kind?: PartnerKind;

  @Field(() => PartnerStatus, { nullable: true })
  status?: PartnerStatus;

  @Field(() => String, { nullable: true, description: 'null removes the website.' })
  @IsWebUrl()
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
  @IsSearchText()
  search?: string;

  @Field({ defaultValue: false, description: 'Include archived partners.' })
  includeArchived: boolean = false;
}
