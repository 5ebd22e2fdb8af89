import {
  buildASTSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import { LRUCache } from 'lru-cache';
import { VARIES_BY_CALLER_TAG } from '@junction/federation/identity';

/** Options of {@link createPrincipalDependence}. */
export interface PrincipalDependenceOptions {
  /**
   * The composed supergraph's SDL: its `@authenticated`, `@requiresScopes` and `@tag(name: "varies-by-caller")`
   * (put there by the subgraphs' `VariesByCaller`) mark what depends on the caller.
   */
  supergraph: string;
  /** How many distinct subgraph documents keep their verdict. @default 2000 */
  cacheSize?: number;
}

/**
 * Who a subgraph fetch's answer depends on:
 * - `public`: a query whose every selection is the same for every caller;
 * - `caller-view`: a query whose answer depends on what the caller can see (role, partner, scopes: the response
 *   cache's `callerView`), so callers with the same view get the same answer;
 * - `caller`: a mutation, a subscription, or a document not understood.
 */
export type FetchAudience = 'public' | 'caller-view' | 'caller';

/** Whether a subgraph fetch's answer can depend on who asks; see {@link createPrincipalDependence}. */
export interface PrincipalDependence {
  /** Who the answer to `document` depends on. */
  audienceOf(document: DocumentNode | string): FetchAudience;
  /** True unless `document`'s audience is `public`. */
  dependsOnPrincipal(document: DocumentNode | string): boolean;
}

/**
 * Decides, once per subgraph fetch document, whether its answer can depend on the caller's principal
 * ({@link FetchAudience}), so a fetch that cannot may be signed as the public and shared between all callers. A document depends on the principal when it
 * is a mutation or a subscription; or selects a field or a type carrying `@authenticated` or `@requiresScopes` in
 * the supergraph; or a field or a type the subgraphs filter by principal, which they tag `varies-by-caller`
 * (`VariesByCaller` in @junction/federation, next to the filtering code), as a field's type, an abstract type that may be one, a fragment's type
 * condition or an `_entities` representation. Whatever is not understood (a field or type the supergraph lacks,
 * an unknown fragment, a document that does not parse) depends on the principal: the fail-safe answer.
 *
 * Safety: the public sees the least, so signing a fetch as the public can only hide data, never leak it; and a
 * fetch is signed so only when no selection in it can come out differently for a caller who may see more.
 */
export function createPrincipalDependence({
  supergraph,
  cacheSize = 2000,
}: PrincipalDependenceOptions): PrincipalDependence {
  const schema = buildASTSchema(parse(supergraph, { noLocation: true }), { assumeValid: true, assumeValidSDL: true });
  const dependentTypes = new Set<string>();
  const dependentFields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (variesByCaller(type.astNode?.directives)) dependentTypes.add(type.name);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (variesByCaller(field.astNode?.directives)) dependentFields.add(`${type.name}.${field.name}`);
    }
  }

  const byText = new LRUCache<string, FetchAudience>({ max: cacheSize });
  const judge = (text: string): FetchAudience => {
    let audience = byText.get(text);
    if (audience === undefined) {
      audience = audienceOfDocument(text, { schema, dependentTypes, dependentFields });
      byText.set(text, audience);
    }
    return audience;
  };
  // The runtime builds a new document for every delegation; `defaultPrintFn` is the transport's own memoised
  // printer, so the text is the one the transport already printed for this fetch, not a second print.
  const audienceOf = (document: DocumentNode | string): FetchAudience => judge(typeof document === 'string' ? document : defaultPrintFn(document));
  return { audienceOf, dependsOnPrincipal: (document) => audienceOf(document) !== 'public' };
}

interface Judgement {
  schema: GraphQLSchema;
  dependentTypes: ReadonlySet<string>;
  dependentFields: ReadonlySet<string>;
}

const ACCESS_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);

/** True when `directives` hold an access directive or the `varies-by-caller` tag. */
function variesByCaller(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (
    directives?.some(
      (directive) =>
        ACCESS_DIRECTIVES.has(directive.name.value) ||
        (directive.name.value === 'tag' &&
          directive.arguments?.some((argument) => argument.name.value === 'name' && argument.value.kind === Kind.STRING && argument.value.value === VARIES_BY_CALLER_TAG)),
    ) ?? false
  );
}

function audienceOfDocument(text: string, judgement: Judgement): FetchAudience {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch {
    return 'caller';
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const queryType = judgement.schema.getQueryType();
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0 || !queryType || operations.some((operation) => operation.operation !== 'query')) return 'caller';
  const dependent = operations.some((operation) => selectionDependsOnPrincipal(operation.selectionSet, queryType, { ...judgement, fragments, visiting: new Set() }));
  return dependent ? 'caller-view' : 'public';
}

interface Walk extends Judgement {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Fragments being walked, so a cycle ends instead of recursing forever. */
  visiting: Set<string>;
}

/** True when anything under `selectionSet` (on `parent`; undefined: the `_entities` union) depends on the principal. */
function selectionDependsOnPrincipal(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, walk: Walk): boolean {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (name === '_entities' && parent === walk.schema.getQueryType()) {
        if (!selection.selectionSet || selectionDependsOnPrincipal(selection.selectionSet, undefined, walk)) return true;
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) return true;
      const field = parent.getFields()[name];
      if (!field || walk.dependentFields.has(`${parent.name}.${name}`)) return true;
      const type = getNamedType(field.type);
      if (typeDependsOnPrincipal(type, walk)) return true;
      if (selection.selectionSet && selectionDependsOnPrincipal(selection.selectionSet, type, walk)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (!type || typeDependsOnPrincipal(type, walk) || selectionDependsOnPrincipal(selection.selectionSet, type, walk)) return true;
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment) return true;
      if (walk.visiting.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      walk.visiting.add(name);
      const dependent = !type || typeDependsOnPrincipal(type, walk) || selectionDependsOnPrincipal(fragment.selectionSet, type, walk);
      walk.visiting.delete(name);
      if (dependent) return true;
    }
  }
  return false;
}

/** True when `type`, or any object type an abstract `type` may be, is filtered by principal. */
function typeDependsOnPrincipal(type: GraphQLNamedType, { schema, dependentTypes }: Judgement): boolean {
  if (dependentTypes.has(type.name)) return true;
  return isAbstractType(type) && schema.getPossibleTypes(type).some((possible) => dependentTypes.has(possible.name));
}
