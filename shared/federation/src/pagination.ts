import { BadUserInputError } from '@junction/errors';
import { Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { VariesByCaller } from './varies-by-caller';

/** The largest page a client may ask for; larger requests are refused, not silently cut. */
export const MAX_PAGE_SIZE = 100;

/** The page size when the client gives none. */
export const DEFAULT_PAGE_SIZE = 20;

/** Where a page ends and whether more follow. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;
}

/** `first` / `after` arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: `first must be at least 1` })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}; page through larger lists with after` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/** One page of a list, in the shape of a Relay connection (with `nodes` as a shortcut). */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
}

/** Options of {@link Connection}. */
export interface ConnectionOptions {
  /** The items vary by caller ({@link VariesByCaller}): the edge type is marked too (mark the connection subclass). @default false */
  variesByCaller?: boolean;
}

/**
 * Declares the connection type of an item type: `<Item>Connection` with `edges { cursor node }`, `nodes` and
 * `pageInfo`. Subclass the result with `@ObjectType()` to name it.
 */
export function Connection<T extends object>(Item: ClassType<T>, { variesByCaller = false }: ConnectionOptions = {}) {
  @ObjectType(`${Item.name}Edge`)
  class Edge {
    @Field({ description: 'Opaque position of this node in the list.' })
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }
  if (variesByCaller) VariesByCaller()(Edge);

  @ObjectType()
  abstract class ConnectionType implements Page<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Parameters of {@link keysetPage}. */
export interface KeysetPageParameters {
  /** Page size (already validated against {@link MAX_PAGE_SIZE}). */
  first: number;
  /** The cursor of the previous page. */
  after?: string | null;
  /** The column to order by, as `alias.property`; ties are broken by `alias.id`. */
  orderBy: string;
  /** Sort direction. @default 'ASC' */
  direction?: 'ASC' | 'DESC';
}

/**
 * Runs one page of a query with keyset pagination on `(orderBy, id)`: stable under inserts, one SQL statement,
 * no OFFSET scans.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  { first, after, orderBy, direction = 'ASC' }: KeysetPageParameters,
): Promise<Page<T>> {
  const alias = query.alias;
  const property = orderBy.split('.')[1];
  // Text sorts byte-wise ("C"), so PostgreSQL servers and PGlite, whatever their locale, agree on the order.
  const column = query.expressionMap.mainAlias?.metadata.findColumnWithPropertyName(property);
  const sortKey = column && TEXT_TYPES.has(String(column.type)) ? `${orderBy} COLLATE "C"` : orderBy;
  if (after) {
    const [value, id] = decodeCursor(after);
    const op = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sortKey}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
  }
  const rows = await query.orderBy(sortKey, direction).addOrderBy(`${alias}.id`, direction).limit(first + 1).getMany();
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node[property], node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

const TEXT_TYPES = new Set(['varchar', 'character varying', 'text', 'citext', 'String']);

function encodeCursor(value: unknown, id: string): string {
  const plain = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([plain, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string') return [decoded[0], decoded[1]];
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError([{ field: 'after', message: 'is not a cursor this API issued; pass a pageInfo.endCursor' }]);
}
