import { GraphQLJSON } from 'graphql-scalars';
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

/** The most arguments a probe may pass. */
export const MAX_PROBE_ARGS = 16;

/** What a probe's value must be. */
@InputType({ description: "What a probe's value must be; every condition given must hold. Omit all for \"the call succeeds\"." })
export class BridgeProbeExpectationInput {
  @Field(() => String, { nullable: true, description: 'The value must equal this: `true`/`false`, a decimal integer, an address or other string.' })
  @IsOptional()
  @Length(1, 200, { message: 'equals must be 1 to 200 characters' })
  equals?: string | null;

  @Field(() => String, { nullable: true, description: 'The integer value must be at least this (decimal, any size).' })
  @IsOptional()
  @Length(1, 80, { message: 'min must be 1 to 80 characters' })
  min?: string | null;

  @Field(() => String, { nullable: true, description: 'The integer value must be at most this (decimal, any size).' })
  @IsOptional()
  @Length(1, 80, { message: 'max must be 1 to 80 characters' })
  max?: string | null;
}

/** A new contract probe of a bridge. */
@InputType({ description: 'A contract read that a healthy bridge must pass.' })
export class BridgeProbeInput {
  @Field(() => ID, { description: 'The chain the contract lives on.' })
  chainId!: string;

  @Field({ description: 'The contract to call: all lower-case, or mixed case with a valid EIP-55 checksum. Stored checksummed.' })
  address!: string;

  @Field({ description: 'A view or pure function as a human-readable ABI item, e.g. `function balanceOf(address) view returns (uint256)`.' })
  @Length(1, 500, { message: 'signature must be 1 to 500 characters' })
  signature!: string;

  @Field(() => [GraphQLJSON], { description: 'The arguments, as JSON values; integers may be decimal strings. None when omitted.' })
  @ArrayMaxSize(MAX_PROBE_ARGS, { message: `args must have at most ${MAX_PROBE_ARGS} entries` })
  args: unknown[] = [];

  @Field(() => BridgeProbeExpectationInput, { nullable: true, description: 'What the value must be; omitted: the call only has to succeed.' })
  @IsOptional()
  @ValidateNested()
  expect?: BridgeProbeExpectationInput | null;

  @Field({ description: 'Names the probe in health reasons; unique per bridge (case-insensitively).' })
  @Length(1, 120, { message: 'label must be 1 to 120 characters' })
  label!: string;
}
