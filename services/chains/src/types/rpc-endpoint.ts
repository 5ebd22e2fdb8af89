import { VariesByCaller } from '@junction/federation';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** An RPC endpoint of a chain. The URL is a secret: only operators see it. */
@VariesByCaller()
@ObjectType({ description: 'An RPC endpoint of a chain. Visible to operators only: its URL may carry credentials.' })
export class RpcEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field()
  url!: string;

  @Field(() => Int, { description: 'Lower is tried first.' })
  priority!: number;

  @Field()
  createdAt!: Date;
}
