import { MAX_PAGE_SIZE } from '@junction/federation';
import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

/** The default bound of a plain list nested in another object. */
export const DEFAULT_NESTED_LIST_SIZE = 20;

/**
 * `first` of a plain (non-paginated) list nested in another object, e.g. `Chain.bridges(first: Int = 20)`: applied
 * per parent in SQL, at most 100. An explicit null means the default.
 */
@ArgsType()
export class BoundedListArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_NESTED_LIST_SIZE, description: `How many to return, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number | null = DEFAULT_NESTED_LIST_SIZE;
}

/** The bound to apply for `args`, with null read as the default. */
export function listBound(args: BoundedListArgs): number {
  return args.first ?? DEFAULT_NESTED_LIST_SIZE;
}
