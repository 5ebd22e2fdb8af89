import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { validateInput } from './validate-input';

/** The Federation v2 directives a subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes", "@cost", "@listSize"])';

/** Parameters of {@link buildFederatedSchema}. */
export interface BuildFederatedSchemaParameters {
  /** The subgraph's resolver classes. */
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly but the subgraph still declares (entity stubs, for example). */
  orphanedTypes?: Function[];
  /** Resolver instances by class, so resolvers receive their repositories through the constructor. */
  resolverInstances: Map<Function, object>;
  /** `__resolveReference` functions by entity type name. */
  referenceResolvers?: Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;
  /** Where `@Subscription` topics are subscribed to; required when a resolver declares subscriptions. @default undefined */
  pubSub?: PubSub;
}

/** The executable subgraph schema and its SDL (the input to composition). */
export interface FederatedSchema {
  /** The schema Apollo Server executes, with `_entities` and `_service`. */
  schema: GraphQLSchema;
  /** The subgraph SDL with its federation directives, as committed in `schema.graphql`. */
  sdl: string;
}

/**
 * Builds a Federation v2 subgraph schema from type-graphql classes: type-graphql builds the schema, its SDL with
 * directives (`@key` included) goes through `buildSubgraphSchema`, and the resolvers are attached again.
 */
export async function buildFederatedSchema({
  resolvers,
  orphanedTypes = [],
  resolverInstances,
  referenceResolvers = {},
  pubSub,
}: BuildFederatedSchemaParameters): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers,
    orphanedTypes,
    pubSub,
    skipCheck: true,
    validate: false,
    validateFn: validateInput,
    container: {
      get(resolverClass: Function) {
        const instance = resolverInstances.get(resolverClass);
        if (!instance) throw new Error(`No instance registered for resolver ${resolverClass.name}.`);
        return instance;
      },
    },
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}\n`;
  const resolverMap = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolverMap[typeName] = { ...(resolverMap[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolverMap });
  return { schema, sdl };
}
