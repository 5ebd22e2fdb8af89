import { Field, ID, ObjectType } from 'type-graphql';
import { BridgeContractRole } from './enums';

/** A contract of a bridge on one chain. */
@ObjectType({ description: 'A contract of a bridge on one chain.' })
export class BridgeContract {
  @Field(() => ID)
  id!: string;

  /** Resolved to a `Chain` stub by a field resolver. */
  chainId!: string;

  /** Resolved to the bridge by a field resolver. */
  bridgeId!: string;

  @Field({ description: 'EVM address, EIP-55 checksummed.' })
  address!: string;

  @Field(() => BridgeContractRole)
  role!: BridgeContractRole;

  @Field({ description: 'True when the contract can be paused, which stops the bridge on that side.' })
  pausable!: boolean;

  @Field(() => String, { nullable: true, description: 'The function that pauses it, e.g. `pause()`; null when paused through another contract.' })
  pauseFunctionSignature!: string | null;

  @Field({ description: 'What the contract is, e.g. "OptimismPortal (holds bridged ETH)".' })
  label!: string;

  @Field(() => [String], {
    description: 'ERC-20 tokens the contract holds on its chain (EIP-55 checksummed); `health` reads their balances, and the native balance of every ESCROW contract.',
  })
  heldTokens!: string[];

  @Field()
  createdAt!: Date;
}
