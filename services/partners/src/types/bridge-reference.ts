import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A bridge, owned by the bridges subgraph; this subgraph only refers to it and adds `owners`. */
@Directive('@key(fields: "id")')
@ObjectType('Bridge')
export class BridgeReference {
  @Field(() => ID)
  id!: string;
}
