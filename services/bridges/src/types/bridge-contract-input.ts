import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BridgeContractRole } from './enums';
import { FUNCTION_SIGNATURE_PATTERN } from './input-rules';

/** The most tokens one contract may list as held: their balances are read in one multicall with the rest. */
export const MAX_HELD_TOKENS = 20;

/** A contract of a bridge on one chain. */
@InputType({ description: 'A contract of a bridge on one chain.' })
export class BridgeContractInput {
  @Field(() => ID, { description: 'The chain the contract lives on.' })
  chainId!: string;

  @Field({ description: 'EVM address: all lower-case, or mixed case with a valid EIP-55 checksum. Stored checksummed.' })
  address!: string;

  @Field(() => BridgeContractRole)
  role!: BridgeContractRole;

  @Field({ description: 'What the contract is, e.g. "L1StandardBridge (token escrow)".' })
  @Length(1, 120, { message: 'label must be 1 to 120 characters' })
  label!: string;

  @Field({ defaultValue: false })
  pausable: boolean = false;

  @Field(() => String, { nullable: true, description: 'The pausing function, e.g. `pause()`; only for pausable contracts.' })
  @IsOptional()
  @Length(3, 200, { message: 'pauseFunctionSignature must be 3 to 200 characters' })
  @Matches(FUNCTION_SIGNATURE_PATTERN, {
    message: 'pauseFunctionSignature must be a Solidity function signature with canonical types and no spaces, e.g. "pause()" or "setPause(bool)"',
  })
  pauseFunctionSignature?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `ERC-20 tokens the contract holds on its chain, whose balances \`Bridge.health\` reads (the native balance of an ESCROW contract is always read). At most ${MAX_HELD_TOKENS}; stored checksummed.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_HELD_TOKENS, { message: `heldTokenAddresses must have at most ${MAX_HELD_TOKENS} entries` })
  heldTokenAddresses?: string[] | null;
}
