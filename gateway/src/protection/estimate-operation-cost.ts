import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { CostDirectives, ListSize } from './cost-directives';

/** What a mutation costs before any of its fields, as in the cost spec (queries and subscriptions cost 0). */
export const MUTATION_BASE_COST = 10;

/** The size assumed for a list field that has no `@listSize` and no slicing argument. */
export const DEFAULT_LIST_SIZE = 10;

/** Parameters of {@link estimateOperationCost}. */
export interface EstimateOperationCostParameters {
  /** The schema the operation runs against (the gateway's). */
  schema: GraphQLSchema;
  /** The validated document. */
  document: DocumentNode;
  /** Which operation of the document runs. @default the only one */
  operationName?: string | null;
  /** The request's variables, for slicing arguments given as variables. @default {} */
  variables?: Readonly<Record<string, unknown>> | null;
  /** The supergraph's `@cost` and `@listSize` annotations. */
  directives: CostDirectives;
  /** The size assumed for list fields without `@listSize`. @default 10 */
  defaultListSize?: number;
}

/**
 * Estimates what an operation will cost before it runs, after the `@cost` / `@listSize` spec (IBM's GraphQL cost
 * directive, as Apollo's demand control applies it):
 * - every field returning an object costs 1 (its type's `@cost` weight, if any), a scalar or enum 0, a field with
 *   `@cost(weight:)` that weight instead;
 * - a list field multiplies its own cost and everything under it by its size: the largest slicing argument given
 *   (`first`, defaults included), else its `assumedSize`, else `defaultListSize`; with `sizedFields` (connections)
 *   the field counts once and those fields take the size;
 * - a mutation adds {@link MUTATION_BASE_COST}; introspection and `__typename` are free.
 * Fragments on several types of an abstract field all count, so the estimate errs high. Returns 0 when the
 * document has no such operation (execution reports that).
 */
export function estimateOperationCost({ schema, document, operationName, variables, directives, defaultListSize = DEFAULT_LIST_SIZE }: EstimateOperationCostParameters): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  function selectionSetCost(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, sized: Sized | undefined): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parentType, multiplier, sized);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const conditionType = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parentType;
      if (conditionType && isCompositeType(conditionType)) total += selectionSetCost(fragment.selectionSet, conditionType, multiplier, sized);
    }
    return total;
  }

  function fieldCost(node: FieldNode, parentType: GraphQLCompositeType, multiplier: number, sized: Sized | undefined): number {
    if (node.name.value.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) return 0;
    const field = parentType.getFields()[node.name.value];
    if (!field) return 0;
    const coordinate = `${parentType.name}.${field.name}`;
    const type = getNamedType(field.type);
    const weight = directives.fieldWeights.get(coordinate) ?? directives.typeWeights.get(type.name) ?? (isCompositeType(type) ? 1 : 0);
    const listSize = directives.listSizes.get(coordinate);
    let size = 1;
    let sizedChildren: Sized | undefined;
    if (sized?.fields.includes(field.name)) {
      size = sized.size;
    } else if (listSize?.sizedFields.length) {
      sizedChildren = { fields: listSize.sizedFields, size: sizeOf(listSize, field, node) };
    } else if (listSize) {
      size = sizeOf(listSize, field, node);
    } else if (isListType(getNullableType(field.type))) {
      size = defaultListSize;
    }
    const fieldMultiplier = multiplier * size;
    let total = fieldMultiplier * weight;
    if (node.selectionSet && isCompositeType(type)) total += selectionSetCost(node.selectionSet, type, fieldMultiplier, sizedChildren);
    return total;
  }

  function sizeOf(listSize: ListSize, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    if (listSize.slicingArguments.length > 0) {
      let values: Record<string, unknown> = {};
      try {
        values = getArgumentValues(field, node, variables ?? {});
      } catch {
        // Arguments that do not coerce fail execution with their own error; price the field as if they were absent.
      }
      const given = listSize.slicingArguments.map((name) => values[name]).filter((value): value is number => typeof value === 'number');
      if (given.length > 0) return Math.max(0, ...given);
    }
    return listSize.assumedSize ?? defaultListSize;
  }

  return (operation.operation === 'mutation' ? MUTATION_BASE_COST : 0) + selectionSetCost(operation.selectionSet, root, 1, undefined);
}

/** The sized fields of a connection and the size they take. */
interface Sized {
  fields: readonly string[];
  size: number;
}
