import { Kind, parse } from 'graphql';

/**
 * The entity types of a composed supergraph: the object types some subgraph gives a `@key`
 * (`@join__type(graph: …, key: "id")`). Entities stand on their own (they are fetched, listed and changed by id);
 * every other object type is a value that belongs to whatever holds it (a connection, a health reading, a route).
 */
export function readEntityTypes(supergraphSdl: string): ReadonlySet<string> {
  const entities = new Set<string>();
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const keyed = definition.directives?.some(
      (directive) => directive.name.value === 'join__type' && directive.arguments?.some((argument) => argument.name.value === 'key'),
    );
    if (keyed) entities.add(definition.name.value);
  }
  return entities;
}
