import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

/** The most arguments a contract probe may pass. */
export const MAX_PROBE_ARGS = 16;

/**
 * Declares the input of a contract probe attached to `owner` (a GraphQL type name such as `Bridge` or `Chain`):
 * `<Owner>ProbeExpectationInput`, and the base of `<Owner>ProbeInput` with the fields and rules every probe input
 * has (address, signature, arguments, expectation, label). Subclass the result with `@InputType()` to name it,
 * adding what only that owner's probes have; check the values with `checkProbeInput` from `@junction/onchain`.
 *
 * @example
 * @InputType({ description: 'A contract read that a healthy chain must pass.' })
 * export class ChainProbeInput extends ContractProbeInput('Chain') {}
 */
export function ContractProbeInput(owner: string) {
  @InputType(`${owner}ProbeExpectationInput`, {
    description: "What a probe's value must be; every condition given must hold. Omit all for \"the call succeeds\".",
  })
  class ProbeExpectationInput {
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

  @InputType()
  abstract class ProbeInput {
    @Field({ description: 'The contract to call: all lower-case, or mixed case with a valid EIP-55 checksum. Stored checksummed.' })
    address!: string;

    @Field({ description: 'A view or pure function as a human-readable ABI item, e.g. `function balanceOf(address) view returns (uint256)`.' })
    @Length(1, 500, { message: 'signature must be 1 to 500 characters' })
    signature!: string;

    @Field(() => [GraphQLJSON], { description: 'The arguments, as JSON values; integers may be decimal strings. None when omitted.' })
    @ArrayMaxSize(MAX_PROBE_ARGS, { message: `args must have at most ${MAX_PROBE_ARGS} entries` })
    args: unknown[] = [];

    @Field(() => ProbeExpectationInput, { nullable: true, description: 'What the value must be; omitted: the call only has to succeed.' })
    @IsOptional()
    @ValidateNested()
    expect?: ProbeExpectationInput | null;

    @Field({ description: `Names the probe in health reasons; unique per ${owner.toLowerCase()} (case-insensitively).` })
    @Length(1, 120, { message: 'label must be 1 to 120 characters' })
    label!: string;
  }
  return ProbeInput;
}
