import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A chain, owned by the chains subgraph; this subgraph knows only its id and adds `incidents`. */
@Directive('@key(fields: "id")')
@ObjectType('Chain')
export class ChainReference {
  @Field(() => ID)
  id!: string;
}
