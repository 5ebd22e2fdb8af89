export { openTestStore, type TestStore } from './test-store';
export { graphqlRequest, type GraphQLResponse } from './graphql-request';
