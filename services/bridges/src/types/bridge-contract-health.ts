import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ChainReference } from './chain-reference';
import { BridgeContractRole } from './enums';

/** One balance a bridge contract holds. */
@ObjectType({ description: "One balance a bridge contract holds: the chain's gas token, or an ERC-20." })
export class BridgeTokenBalance {
  @Field(() => String, { nullable: true, description: "The ERC-20's address (EIP-55); null for the chain's gas token." })
  token!: string | null;

  @Field(() => String, { nullable: true, description: 'Ticker, e.g. USDC; null where the token does not answer symbol().' })
  symbol!: string | null;

  @Field(() => Int, { nullable: true, description: 'Null where the token does not answer decimals().' })
  decimals!: number | null;

  @Field(() => String, { nullable: true, description: "In the token's smallest unit (wei for ETH), as a decimal string; null when it could not be read." })
  rawAmount!: string | null;

  @Field(() => Float, { nullable: true, description: 'In whole tokens; null when the raw amount or the decimals are unknown.' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the balance could not be read; null when it was.' })
  reason!: string | null;
}

/** One contract of a bridge as its chain reports it. */
@ObjectType({ description: 'One contract of a bridge as its chain reports it.' })
export class BridgeContractHealth {
  @Field(() => ID, { description: 'The BridgeContract this is about.' })
  contractId!: string;

  @Field(() => ChainReference)
  chain!: ChainReference;

  @Field({ description: 'EVM address, EIP-55 checksummed.' })
  address!: string;

  @Field(() => BridgeContractRole)
  role!: BridgeContractRole;

  @Field()
  label!: string;

  @Field(() => Boolean, { nullable: true, description: "What paused() returned; null when the contract is not pausable or it could not be read." })
  paused!: boolean | null;

  @Field(() => [BridgeTokenBalance], { description: 'The native balance of an ESCROW contract, then every held token.' })
  balances!: BridgeTokenBalance[];

  @Field({ description: 'False when its chain could not be read, or its paused() failed.' })
  readable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is not readable; null when it is.' })
  reason!: string | null;
}
