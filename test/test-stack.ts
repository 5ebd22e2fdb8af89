import { createStack, type Stack, type StackOptions } from '@junction/launcher';
import { openTestStore, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';

/** The whole seeded federation for one test file, in schemas of its own. */
export interface TestStack {
  stack: Stack;
  /** Closes the stack and the test store. */
  close(): Promise<void>;
}

/** Starts the federation as `npm start` does, on the test store (PostgreSQL when `DATABASE_URL` is set). */
export async function startTestStack(options: Pick<StackOptions, 'devnet' | 'redisUrl' | 'cache' | 'sampler'> = {}): Promise<TestStack> {
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
