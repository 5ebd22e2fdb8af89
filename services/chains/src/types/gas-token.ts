import { Field, Int, ObjectType } from 'type-graphql';

/** The token a chain charges gas in. */
@ObjectType({ description: 'The token a chain charges gas in.' })
export class GasToken {
  @Field({ description: 'Ticker, e.g. ETH.' })
  symbol!: string;

  @Field(() => Int)
  decimals!: number;
}
