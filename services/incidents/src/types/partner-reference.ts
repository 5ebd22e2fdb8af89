import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A partner, owned by the partners subgraph; this subgraph knows only its id and adds `incidents`. */
@Directive('@key(fields: "id")')
@ObjectType('Partner')
export class PartnerReference {
  @Field(() => ID)
  id!: string;
}
