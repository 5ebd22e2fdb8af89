import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OwnedComponent } from './enums';

/** Who owns a component of a chain or bridge. */
@InputType({ description: 'Who owns a component of exactly one chain or one bridge, and who backs them up.' })
export class AssignComponentOwnershipInput {
  @Field(() => OwnedComponent)
  component!: OwnedComponent;

  @Field(() => ID, { nullable: true, description: 'The chain; give this or bridgeId.' })
  chainId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The bridge; give this or chainId.' })
  bridgeId?: string | null;

  @Field(() => ID)
  ownerPartnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Covers when the owner cannot; must differ from the owner.' })
  backupPartnerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: 'notes must be 1 to 1000 characters' })
  notes?: string | null;
}

/** A new owner or backup for a component; omitted fields keep their value. */
@InputType({ description: 'A new owner or backup for a component; omitted fields keep their value, null clears backup or notes.' })
export class ReassignComponentOwnershipInput {
  @Field(() => ID, { nullable: true })
  ownerPartnerId?: string;

  @Field(() => ID, { nullable: true, description: 'null removes the backup.' })
  backupPartnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes the notes.' })
  @IsOptional()
  @Length(1, 1000, { message: 'notes must be 1 to 1000 characters' })
  notes?: string | null;
}

/** Which cells of the ownership matrix a list returns. */
@InputType({ description: 'Which cells of the ownership matrix a list returns; all conditions must hold.' })
export class ComponentOwnershipFilter {
  @Field(() => ID, { nullable: true, description: 'Only components of this chain.' })
  chainId?: string;

  @Field(() => ID, { nullable: true, description: 'Only components of this bridge.' })
  bridgeId?: string;

  @Field(() => OwnedComponent, { nullable: true })
  component?: OwnedComponent;

  @Field(() => ID, { nullable: true, description: 'Only components this partner owns or backs up.' })
  partnerId?: string;
}
