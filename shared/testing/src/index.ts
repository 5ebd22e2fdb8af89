export { openTestStore, type TestStore } from './test-store';
export { graphqlRequest, type GraphQLResponse } from './graphql-request';
export { ADMIN, OPERATOR, partnerPrincipal, principalHeaders, TEST_PRINCIPAL_SECRET } from './principals';
export { sseSubscribe, type SseSubscription, type SubscriptionResult } from './sse-subscription';
