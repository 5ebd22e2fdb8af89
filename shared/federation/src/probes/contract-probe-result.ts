import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Declares the base of `<Owner>ProbeResult`, the outcome of one contract probe attached to `owner` (a GraphQL
 * type name such as `Bridge` or `Chain`), as health reports it. Subclass the result with `@ObjectType()` to name
 * it, adding what only that owner's results have.
 *
 * @example
 * @ObjectType({ description: 'The outcome of one contract probe of a chain.' })
 * export class ChainProbeResult extends ContractProbeResult('Chain') {}
 */
export function ContractProbeResult(owner: string) {
  @ObjectType()
  abstract class ProbeResult {
    @Field(() => ID, { description: `The ${owner}Probe this is about.` })
    probeId!: string;

    @Field()
    label!: string;

    @Field({ description: 'The contract called, EIP-55 checksummed.' })
    address!: string;

    @Field({ description: 'True when the call succeeded and its value met the expectation.' })
    passed!: boolean;

    @Field(() => String, { nullable: true, description: 'What the function returned, as text (integers in decimal, tuples as JSON); null when it was not called or failed.' })
    value!: string | null;

    @Field({ description: 'Why it passed or failed, in words.' })
    reason!: string;
  }
  return ProbeResult;
}
