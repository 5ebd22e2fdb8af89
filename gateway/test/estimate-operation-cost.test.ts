import { buildSchema, parse } from 'graphql';
import { readCostDirectives } from '../src/protection/cost-directives';
import { estimateOperationCost } from '../src/protection/estimate-operation-cost';

// The estimator prices operations after the cost spec, from the annotations a composed supergraph carries.

const SDL = /* GraphQL */ `
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

  type Query {
    chain(slug: String!): Chain
    chains(first: Int! = 20): ChainConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])
    audit: Audit
  }
  type Mutation {
    rename(slug: String!, name: String!): Chain
  }
  type ChainConnection {
    edges: [ChainEdge!]!
    nodes: [Chain!]!
    pageInfo: PageInfo!
  }
  type ChainEdge {
    cursor: String!
    node: Chain!
  }
  type PageInfo {
    hasNextPage: Boolean!
  }
  type Chain {
    slug: String!
    tags: [String!]!
    health: Health! @cost(weight: 10)
    bridges(first: Int): [Bridge!]! @listSize(slicingArguments: ["first"], assumedSize: 5)
    owners: [Owner!]!
  }
  type Health {
    status: String!
  }
  type Bridge {
    slug: String!
  }
  type Owner {
    name: String!
  }
  type Audit @cost(weight: 7) {
    entries: Int!
  }
`;

const schema = buildSchema(SDL);
const directives = readCostDirectives(SDL);
const cost = (query: string, variables: Record<string, unknown> = {}) => estimateOperationCost({ schema, document: parse(query), variables, directives });

describe('estimateOperationCost', () => {
  it('prices objects 1, scalars and enums 0, __typename and introspection nothing', () => {
    expect(cost('{ chain(slug: "base") { slug tags __typename } }')).toBe(1 + 10 * 0);
    expect(cost('{ __schema { types { name } } __typename }')).toBe(0);
  });

  it('uses a field weight instead of the type, and a type weight where the type has one', () => {
    expect(cost('{ chain(slug: "base") { health { status } } }')).toBe(1 + 10);
    expect(cost('{ audit { entries } }')).toBe(7);
  });

  it('sizes a list by its slicing argument (literal, variable or default), else its assumed size, else the default', () => {
    expect(cost('{ chain(slug: "base") { bridges(first: 3) { slug } } }')).toBe(1 + 3);
    expect(cost('query ($n: Int) { chain(slug: "base") { bridges(first: $n) { slug } } }', { n: 7 })).toBe(1 + 7);
    expect(cost('{ chain(slug: "base") { bridges { slug } } }')).toBe(1 + 5);
    expect(cost('{ chain(slug: "base") { owners { name } } }')).toBe(1 + 10);
  });

  it('sizes the sized fields of a connection, not the connection, and multiplies everything under a list', () => {
    expect(cost('{ chains { pageInfo { hasNextPage } } }')).toBe(1 + 1);
    expect(cost('{ chains(first: 4) { nodes { slug } edges { node { slug } } } }')).toBe(1 + 4 + 4 * (1 + 1));
    expect(cost('{ chains(first: 4) { nodes { health { status } bridges(first: 2) { slug } } } }')).toBe(1 + 4 * (1 + 10 + 2));
  });

  it('counts fragments where they are spread, and adds the base cost of a mutation', () => {
    const withFragments = `
      query { chains(first: 2) { nodes { ...Live ... on Chain { owners { name } } } } }
      fragment Live on Chain { health { status } }`;
    expect(cost(withFragments)).toBe(1 + 2 * (1 + 10 + 10));
    expect(cost('mutation { rename(slug: "base", name: "Base") { slug } }')).toBe(10 + 1);
  });

  it('prices the operation named, and a document without it as 0', () => {
    const document = parse('query A { chain(slug: "a") { slug } } query B { chains(first: 3) { nodes { slug } } }');
    expect(estimateOperationCost({ schema, document, operationName: 'B', directives })).toBe(1 + 3);
    expect(estimateOperationCost({ schema, document, operationName: 'C', directives })).toBe(0);
  });
});
