import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

/** A field's `@listSize`: how many items a list field is taken to return when estimating a query's cost. */
export interface ListSize {
  /** The size to assume when no slicing argument gives one. @default the estimator's default list size */
  assumedSize?: number;
  /** Arguments whose value is the size of the list (`first`); the largest given one counts. @default [] */
  slicingArguments: readonly string[];
  /**
   * Fields of the returned object that are the sized lists (`edges`, `nodes` of a connection); when set, the field
   * itself counts once and those fields take the size. @default []
   */
  sizedFields: readonly string[];
}

/** The cost annotations of a supergraph, by schema coordinate. */
export interface CostDirectives {
  /** `@cost(weight:)` of fields, by `Type.field`. */
  fieldWeights: ReadonlyMap<string, number>;
  /** `@cost(weight:)` of object types, by type name: the cost of each object of that type. */
  typeWeights: ReadonlyMap<string, number>;
  /** `@listSize` of fields, by `Type.field`. */
  listSizes: ReadonlyMap<string, ListSize>;
}

const TYPE_KINDS = new Set<string>([Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION, Kind.INTERFACE_TYPE_DEFINITION, Kind.INTERFACE_TYPE_EXTENSION]);

/**
 * Reads the `@cost` and `@listSize` annotations (https://specs.apollo.dev/cost/v0.1, imported under those names by
 * every subgraph) out of a composed supergraph's SDL. Weights on arguments, enums and scalars are not read: the
 * estimator prices fields and objects only.
 */
export function readCostDirectives(supergraphSdl: string): CostDirectives {
  const fieldWeights = new Map<string, number>();
  const typeWeights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (!isObjectLike(definition)) continue;
    const typeName = definition.name.value;
    const typeWeight = weightOf(definition.directives);
    if (typeWeight !== undefined) typeWeights.set(typeName, typeWeight);
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== undefined) fieldWeights.set(coordinate, weight);
      const listSize = listSizeOf(field.directives);
      if (listSize) listSizes.set(coordinate, listSize);
    }
  }
  return { fieldWeights, typeWeights, listSizes };
}

type ObjectLikeDefinition = Extract<DefinitionNode, { kind: Kind.OBJECT_TYPE_DEFINITION | Kind.OBJECT_TYPE_EXTENSION | Kind.INTERFACE_TYPE_DEFINITION | Kind.INTERFACE_TYPE_EXTENSION }>;

function isObjectLike(definition: DefinitionNode): definition is ObjectLikeDefinition {
  return TYPE_KINDS.has(definition.kind);
}

function argumentsOf(directives: readonly ConstDirectiveNode[] | undefined, name: string): Record<string, unknown> | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === name);
  if (!directive) return undefined;
  return Object.fromEntries((directive.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]));
}

function weightOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const weight = argumentsOf(directives, 'cost')?.weight;
  return typeof weight === 'number' ? weight : undefined;
}

function listSizeOf(directives: readonly ConstDirectiveNode[] | undefined): ListSize | undefined {
  const args = argumentsOf(directives, 'listSize');
  if (!args) return undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  return {
    assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : undefined,
    slicingArguments: strings(args.slicingArguments),
    sizedFields: strings(args.sizedFields),
  };
}
