import { VariesByCaller } from '@junction/federation';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** A person at a partner. Private: visible to operators and to the partner itself. */
@VariesByCaller()
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person at a partner, and where they stand in its on-call escalation. Private to the partner and to operators.' })
export class PartnerContact {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Full name, or the name of a rotation (e.g. "Sequencer on-call").' })
  name!: string;

  @Field({ description: 'Unique among the contacts of a partner (case-insensitive).' })
  email!: string;

  @Field({ description: 'Role or job title, e.g. "Head of Infrastructure".' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +14155550123.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to reach them in chat, e.g. "@dana (Telegram)".' })
  chatHandle!: string | null;

  @Field({ description: 'Whether the contact is paged for incidents.' })
  onCall!: boolean;

  @Field(() => Int, { nullable: true, description: 'Paging order among on-call contacts: 1 is paged first.' })
  escalationOrder!: number | null;

  @Field({ description: 'When the contact was added.' })
  createdAt!: Date;

  @Field({ description: 'When the contact last changed.' })
  updatedAt!: Date;

  /** Resolved by a field resolver. */
  partnerId!: string;
}
