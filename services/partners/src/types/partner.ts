import { Connection } from '@junction/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartnerKind, PartnerStatus } from './enums';

/** A partner the ecosystem coordinates with. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A partner the ecosystem coordinates with: a rollup operator, bridge, DA or RPC provider, oracle or app team. ' +
    'Contacts and agreements are private to the partner and to operators.',
})
export class Partner {
  @Field(() => ID, { description: 'Stable id; seeded partners have deterministic ids.' })
  id!: string;

  @Field({ description: 'Stable, URL-safe name, e.g. `offchain-labs`.' })
  slug!: string;

  @Field({ description: 'Display name, e.g. "Offchain Labs".' })
  name!: string;

  @Field(() => PartnerKind, { description: 'What the partner does in the ecosystem.' })
  kind!: PartnerKind;

  @Field(() => PartnerStatus, { description: 'Where the relationship stands, from PROSPECT to OFFBOARDED.' })
  status!: PartnerStatus;

  @Field(() => String, { nullable: true, description: 'Public website.' })
  websiteUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'What the partner does, in a sentence or two.' })
  description!: string | null;

  @Field({ description: 'When the partner was added.' })
  createdAt!: Date;

  @Field({ description: 'When the partner last changed.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the partner was archived; archived partners leave lists.' })
  archivedAt!: Date | null;
}

/** A page of partners. */
@ObjectType({ description: 'A page of partners.' })
export class PartnerConnection extends Connection(Partner) {}
