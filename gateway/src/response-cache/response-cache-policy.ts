import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * What is never cached, by type or coordinate: API keys in any form (their `lastUsedAt` changes with every use, and
 * a new key's secret is shown once). Introspection (`__schema`, `__type`) is never cached either.
 */
export const NEVER_CACHED: readonly string[] = Object.freeze(['ApiKey', 'CreatedApiKey', 'ApiKeyPrincipal', 'ApiKeyConnection', 'ApiKeyEdge', 'Query.apiKeys', 'Partner.apiKeys']);

/** How the cache treats one query. */
export interface QueryCachePlan {
  /** Why its answers are never kept (`introspection`, `Query.apiKeys` …); undefined when they are. */
  uncacheable?: string;
  /** The types its answers depend on: invalidating any of them makes every kept answer stale. */
  dependsOn: readonly string[];
  /** How long its answers are kept, in milliseconds: the shortest TTL of what it selects. */
  ttlMs: number;
}

/** Options of {@link ResponseCachePolicy}. */
export interface ResponseCachePolicyOptions {
  /** The supergraph's entity types (see `readEntityTypes`). */
  entityTypes: ReadonlySet<string>;
  /** TTLs in milliseconds by `Type`, `Type.field` and `default` (see `DEFAULT_RESPONSE_CACHE_TTLS`). */
  ttls: Readonly<Record<string, number>>;
  /** Types and coordinates whose answers are never kept. @default {@link NEVER_CACHED} */
  neverCached?: readonly string[];
}

/**
 * Decides, from the schema and the operation alone (memoized per parsed document), what a query's answers depend on
 * and how long they are kept, and what a mutation invalidates. Invalidation works by type, which keeps lists right:
 *
 * - An answer depends on the type of every field it selects and, through value types (object types without `@key`:
 *   connections, edges, health readings …), on the types those hold, selected or not: `chains { totalCount }` depends
 *   on `Chain`, and `chain { incidents(open: true) { id } }` on `Incident` even while the list is empty.
 * - A mutation invalidates the type it returns with the value types under it (`createBridge` → `Bridge`,
 *   `BridgeRoute`, `BridgeContract` …), and the entity types its `…Id` arguments name (`addRpcEndpoint(chainId:)`
 *   → `Chain`), whether it returned them or not.
 *
 * So `createIncident` makes every answer holding incidents stale, however it filtered them, and leaves the rest
 * alone (a chain list without incidents stays cached).
 */
export class ResponseCachePolicy {
  readonly #entityTypes: ReadonlySet<string>;
  readonly #ttls: Readonly<Record<string, number>>;
  readonly #neverCached: ReadonlySet<string>;
  readonly #plans = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, QueryCachePlan>>>();
  readonly #invalidations = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, readonly string[]>>>();

  constructor({ entityTypes, ttls, neverCached = NEVER_CACHED }: ResponseCachePolicyOptions) {
    this.#entityTypes = entityTypes;
    this.#ttls = ttls;
    this.#neverCached = new Set(neverCached);
  }

  /** How the cache treats the query `operationName` of `document`. */
  planQuery(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): QueryCachePlan {
    return memo(this.#plans, schema, document, operationName, () => this.#plan(schema, document));
  }

  /**
   * The types the mutation `operationName` of `document` invalidates: those its root fields return, with the value
   * types under them, and the entity types its `…Id` / `…Ids` arguments name.
   */
  invalidatedBy(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): readonly string[] {
    return memo(this.#invalidations, schema, document, operationName, () => {
      const mutation = schema.getMutationType();
      const operation = getOperationAST(document, operationName);
      if (!mutation || operation?.operation !== 'mutation') return [];
      const changed = new Set<string>();
      for (const name of rootFieldNames(document, operation.selectionSet)) {
        const field = mutation.getFields()[name];
        if (!field) continue;
        const returned = getNamedType(field.type);
        if (isCompositeType(returned)) changed.add(returned.name);
        for (const argument of field.args) {
          const match = /^(.+?)Ids?$/.exec(argument.name);
          const named = match && schema.getType(match[1][0].toUpperCase() + match[1].slice(1));
          if (named && isObjectType(named)) changed.add(named.name);
        }
      }
      return this.invalidationClosure(schema, changed);
    });
  }

  /**
   * What invalidating `types` invalidates: each of them (the members of an abstract one) and the value types under
   * each, but not the other entities they point to (a route's chain is not changed by changing the route).
   */
  invalidationClosure(schema: GraphQLSchema, types: Iterable<string>): string[] {
    const closed = new Set<string>();
    const expand = (type: GraphQLNamedType) => {
      for (const concrete of concreteTypes(schema, type)) {
        if (closed.has(concrete.name)) continue;
        closed.add(concrete.name);
        if (!isObjectType(concrete)) continue;
        for (const field of Object.values(concrete.getFields())) {
          const named = getNamedType(field.type);
          if (isCompositeType(named) && !this.#entityTypes.has(named.name)) expand(named);
        }
      }
    };
    for (const name of types) {
      const type = schema.getType(name);
      if (type) expand(type);
      else closed.add(name);
    }
    return [...closed].sort();
  }

  #plan(schema: GraphQLSchema, document: DocumentNode): QueryCachePlan {
    const typeInfo = new TypeInfo(schema);
    const selected = new Set<string>();
    let ttlMs = this.#ttls.default ?? Number.POSITIVE_INFINITY;
    let uncacheable: string | undefined;
    const consider = (coordinate: string) => {
      if (this.#neverCached.has(coordinate)) uncacheable ??= coordinate;
      const ttl = this.#ttls[coordinate];
      if (ttl !== undefined) ttlMs = Math.min(ttlMs, ttl);
    };
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const name = node.name.value;
          if (name === '__typename') return;
          if (name === '__schema' || name === '__type') {
            uncacheable ??= 'introspection';
            return;
          }
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          consider(`${parent.name}.${name}`);
          const named = getNamedType(field.type);
          if (!isCompositeType(named)) return;
          for (const type of [named, ...concreteTypes(schema, named)]) {
            selected.add(type.name);
            consider(type.name);
          }
        },
      }),
    );
    return { uncacheable, dependsOn: this.#dependencyClosure(schema, selected), ttlMs: Number.isFinite(ttlMs) ? ttlMs : 0 };
  }

  /** The selected types, and what the value types among them hold, through further value types, down to entities. */
  #dependencyClosure(schema: GraphQLSchema, selected: Iterable<string>): string[] {
    const closed = new Set<string>();
    const add = (type: GraphQLNamedType) => {
      for (const concrete of concreteTypes(schema, type)) {
        if (closed.has(concrete.name)) continue;
        closed.add(concrete.name);
        if (!isObjectType(concrete) || this.#entityTypes.has(concrete.name)) continue;
        for (const field of Object.values(concrete.getFields())) {
          const named = getNamedType(field.type);
          if (isCompositeType(named)) add(named);
        }
      }
    };
    for (const name of selected) {
      const type = schema.getType(name);
      if (type) add(type);
    }
    return [...closed].sort();
  }
}

/** The type itself, or the object types of an interface or union. */
function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLNamedType[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
}

/** The names of the root fields a selection set selects, through fragments. */
function rootFieldNames(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') names.push(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      names.push(...rootFieldNames(document, selection.selectionSet, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) names.push(...rootFieldNames(document, fragment.selectionSet, seen));
    }
  }
  return names;
}

/** `compute()`, remembered per schema, parsed document and operation name. */
function memo<T>(cache: WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, T>>>, schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, compute: () => T): T {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
  let byDocument = bySchema.get(document);
  if (!byDocument) bySchema.set(document, (byDocument = new Map()));
  const name = operationName ?? '';
  let value = byDocument.get(name);
  if (value === undefined) byDocument.set(name, (value = compute()));
  return value;
}
