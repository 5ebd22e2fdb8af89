import { seedId } from '@junction/federation';
import type { Stack } from '@junction/launcher';
import { bearer, createApiKey, startTestStack, type TestStack } from './test-stack';
import { graphqlRequest } from '@junction/testing';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// The README's examples are what newcomers copy first: every one of them runs here against the seeded stack.

const readme = readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
const blocks = (language: string) => [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);

let testStack: TestStack;
let stack: Stack;

beforeAll(async () => {
  testStack = await startTestStack({ devnet: true });
  stack = testStack.stack;
}, 60_000);

afterAll(() => testStack.close());

describe('README examples', () => {
  it('runs every GraphQL example without errors, in order', async () => {
    const operations = blocks('graphql');
    expect(operations.length).toBeGreaterThanOrEqual(5);
    const variables: Record<string, unknown> = {
      from: seedId('chain', 'ethereum'),
      to: seedId('chain', 'arbitrum-one'),
      chain: seedId('chain', 'base'),
      partner: seedId('partner', 'offchain-labs'),
    };
    // As the README says: reads work without a key, changes need an operator's.
    const operator = await createApiKey(stack, { name: 'README', role: 'OPERATOR' });
    for (const operation of operations) {
      const headers = operation.trimStart().startsWith('mutation') ? bearer(operator.secret) : {};
      const { data, errors } = await graphqlRequest(stack.urls.gateway, operation, variables, headers);
      expect({ operation, errors }).toEqual({ operation, errors: undefined });
      expect({ operation, empty: Object.keys(data).filter((field) => data[field] === null) }).toEqual({ operation, empty: [] });
      if (data.createIncident) variables.id = data.createIncident.id;
    }
    expect(variables.id).toEqual(expect.any(String));
  });

  it('runs the Python notebook example with the standard library only', async () => {
    const [script] = blocks('python');
    const { stdout } = await promisify(execFile)('python3', ['-I', '-c', script.replace('http://localhost:4000/graphql', stack.urls.gateway)], {
      timeout: 30_000,
    });
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((line) => line.includes('BRIDGE_EXPLOIT') && line.includes('Wormhole'))).toBe(true);
  });
});
