import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A bridge, owned by the bridges subgraph; this subgraph knows only its id and adds `incidents`. */
@Directive('@key(fields: "id")')
@ObjectType('Bridge')
export class BridgeReference {
  @Field(() => ID)
  id!: string;
}
