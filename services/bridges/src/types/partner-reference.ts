import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A partner, owned by the partners subgraph; this subgraph only adds `Partner.bridges` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Partner')
export class PartnerReference {
  @Field(() => ID)
  id!: string;
}
