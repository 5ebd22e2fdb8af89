import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Declares the output type of a contract probe attached to `owner` (a GraphQL type name such as `Bridge` or
 * `Chain`): `<Owner>ProbeExpectation`, and the base of `<Owner>Probe` with the fields every stored probe has. The
 * `expect` field is the owner's to resolve (from the `expectEquals`/`expectMin`/`expectMax` columns). Subclass the
 * result with `@ObjectType()` to name it, adding what only that owner's probes have.
 *
 * @example
 * @ObjectType({ description: 'An operator-defined contract read that a healthy chain must pass.' })
 * export class ChainProbe extends ContractProbe('Chain') {}
 */
export function ContractProbe(owner: string) {
  @ObjectType(`${owner}ProbeExpectation`, {
    description: "What a probe's value must be; every condition given must hold. None: the call only has to succeed.",
  })
  class ProbeExpectation {
    @Field(() => String, { nullable: true, description: 'The value must equal this (`true`/`false`, a decimal integer, an address or other string).' })
    equals!: string | null;

    @Field(() => String, { nullable: true, description: 'The integer value must be at least this (decimal).' })
    min!: string | null;

    @Field(() => String, { nullable: true, description: 'The integer value must be at most this (decimal).' })
    max!: string | null;
  }

  @ObjectType()
  abstract class Probe {
    /** What `expect` resolves to. */
    static readonly Expectation = ProbeExpectation;

    @Field(() => ID)
    id!: string;

    @Field({ description: 'The contract called, EIP-55 checksummed.' })
    address!: string;

    @Field({ description: 'The function, as a human-readable ABI item, e.g. `function paused() view returns (bool)`.' })
    signature!: string;

    @Field(() => [GraphQLJSON], { description: 'The arguments, as JSON values (integers may be decimal strings).' })
    args!: unknown[];

    @Field(() => ProbeExpectation)
    expect!: ProbeExpectation;

    @Field({ description: 'Names the probe in health reasons, e.g. "escrow holds at least 1M USDC".' })
    label!: string;

    @Field()
    createdAt!: Date;
  }
  return Probe;
}
