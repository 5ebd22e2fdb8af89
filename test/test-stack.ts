import { createStack, type Stack, type StackOptions } from '@junction/launcher';
import { ADMIN, graphqlRequest, openTestStore, principalHeaders, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';

/** The whole seeded federation for one test file, in schemas of its own. */
export interface TestStack {
  stack: Stack;
  /** Closes the stack and the test store. */
  close(): Promise<void>;
}

/** Starts the federation as `npm start` does, on the test store (PostgreSQL when `DATABASE_URL` is set). */
export async function startTestStack(
  options: Pick<
    StackOptions,
    'devnet' | 'redisUrl' | 'cache' | 'sampler' | 'keyCacheTtlMs' | 'rateLimits' | 'subscriptionLimits' | 'trustProxy' | 'protection' | 'trustedDocuments' | 'apq' | 'responseCache' | 'logger' | 'metricsEndpoint' | 'otlpEndpoint' | 'drainTimeoutMs'
  > = {},
): Promise<TestStack> {
  const testStore: TestStore = await openTestStore();
  const stack = await createStack({
    ...options,
    store: testStore.store,
    principalSecret: TEST_PRINCIPAL_SECRET,
    dbSchemas: {
      partners: testStore.schema('partners'),
      chains: testStore.schema('chains'),
      bridges: testStore.schema('bridges'),
      incidents: testStore.schema('incidents'),
    },
  });
  return {
    stack,
    async close() {
      await stack.close();
      await testStore.close();
    },
  };
}

/** Creates an API key at the partners subgraph, as an admin would; returns its id and the secret (shown once). */
export async function createApiKey(stack: Stack, input: { name: string; role: 'PARTNER' | 'OPERATOR' | 'ADMIN'; partnerId?: string; scopes?: string[]; expiresAt?: string }): Promise<{ id: string; secret: string }> {
  const { data, errors } = await graphqlRequest(
    stack.urls.partners,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input },
    principalHeaders(ADMIN),
  );
  if (errors) throw new Error(`Creating the API key failed: ${errors.map((error) => error.message).join('; ')}`);
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

/** The header that presents `secret` to the gateway. */
export const bearer = (secret: string): Record<string, string> => ({ authorization: `Bearer ${secret}` });
