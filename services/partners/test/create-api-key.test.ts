import { openDataSource, openStore, type Store } from '@junction/db';
import { BadUserInputError } from '@junction/errors';
import { API_KEY_PATTERN, createEntityDirectory, DEFAULT_SCOPES, hashApiKey, RESOLVE_KEYS_SCOPE } from '@junction/federation';
import { createServer, type PartnersService } from '@junction/partners';
import { graphqlRequest, openTestStore, OPERATOR, principalHeaders, TEST_PRINCIPAL_SECRET, type TestStore } from '@junction/testing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueApiKey } from '../src/cli/issue-api-key';
import { partnerId } from './harness';

// The documented way to get the first operator key: `npm run create-key -w services/partners -- --role OPERATOR …`.

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'services', 'partners', 'dist', 'cli', 'create-api-key.js');

let testStore: TestStore;

beforeAll(async () => {
  testStore = await openTestStore();
  // The child-process tests run the built command, as `npm run create-key` does.
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'services', 'partners')], { stdio: 'pipe' });
}, 120_000);

afterAll(async () => {
  await testStore.close();
});

describe('create-key: issueApiKey, the work behind the command', () => {
  let service: PartnersService | undefined;

  afterAll(async () => {
    await service?.close();
  });

  it('creates the first operator key in a store the service has never opened, and the service then accepts it', async () => {
    const dbSchema = testStore.schema('partners_first_key');
    const { apiKey, secret } = await issueApiKey({ store: testStore.store, dbSchema, key: { role: 'OPERATOR', name: 'on-call' } });
    expect(secret).toMatch(API_KEY_PATTERN);
    expect(apiKey).toMatchObject({ role: 'OPERATOR', name: 'on-call', partnerId: null, createdBy: 'cli', scopes: [...DEFAULT_SCOPES.OPERATOR] });

    service = await createServer({
      store: testStore.store,
      dbSchema,
      seed: true,
      principalSecret: TEST_PRINCIPAL_SECRET,
      directory: createEntityDirectory({ owners: {}, principalSecret: TEST_PRINCIPAL_SECRET }),
    });
    const url = await service.server.listen(0);
    const gateway = principalHeaders({ role: 'OPERATOR', scopes: [RESOLVE_KEYS_SCOPE] });
    const resolved = await graphqlRequest(url, `query ($hashes: [String!]!) { apiKeyPrincipals(hashes: $hashes) { keyId role partnerId scopes } }`, { hashes: [hashApiKey(secret)] }, gateway);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.apiKeyPrincipals[0]).toEqual({ keyId: apiKey.id, role: 'OPERATOR', partnerId: null, scopes: [...DEFAULT_SCOPES.OPERATOR] });

    const listed = await graphqlRequest(url, `{ apiKeys { nodes { id createdBy } } }`, {}, principalHeaders(OPERATOR));
    expect(listed.data.apiKeys.nodes).toEqual([{ id: apiKey.id, createdBy: 'cli' }]);

    const forPartner = await issueApiKey({ store: testStore.store, dbSchema, key: { role: 'PARTNER', name: 'op sdk', partner: 'op-labs', scopes: ['incidents:write'] } });
    expect(forPartner.apiKey).toMatchObject({ role: 'PARTNER', partnerId: partnerId('op-labs'), scopes: ['incidents:write'] });
  });

  it('refuses a key the rules refuse, as createApiKey does, and writes nothing', async () => {
    const dbSchema = testStore.schema('partners_refused_key');
    const refused = issueApiKey({ store: testStore.store, dbSchema, key: { role: 'PARTNER', name: 'x'.repeat(81), partner: 'no-such-partner', scopes: ['keys:manage'] } });
    await expect(refused).rejects.toBeInstanceOf(BadUserInputError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: [
        { field: 'input.name', message: 'must be 1 to 80 characters' },
        { field: 'input.scopes', message: '"keys:manage" cannot be given to a PARTNER key; it is for operator and admin keys' },
        { field: 'input.partnerId', message: 'no active partner has id "no-such-partner"' },
      ],
    });
    const { dataSource } = await openDataSource({ store: testStore.store, schema: dbSchema, entities: [], migrations: [] });
    try {
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM "${dbSchema}".api_key`)).toEqual([{ n: 0 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});

/** Runs the built command; resolves with its exit code and output. */
function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('create-key: the built command in a child process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'junction-create-key-'));
  const databaseUrl = process.env.DATABASE_URL ?? '';
  let dbSchema: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dbSchema = testStore.schema('partners_cli');
    env = { DATABASE_URL: databaseUrl, JUNCTION_DATA_DIR: dataDir, PARTNERS_DB_SCHEMA: dbSchema };
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [[], 'create-key: --role is required: OPERATOR, ADMIN or PARTNER.'],
    [['--role', 'OPERATOR'], 'create-key: --name is required: who holds the key or what uses it, e.g. --name "on-call laptop".'],
    [['--role', 'OPERATOR', '--name', 'x', '--password', 'hunter2'], "create-key: Unknown option '--password'; see --help."],
    [['--role', 'OPERATOR', '--name', 'x', '--expires-at', 'next week'], 'create-key: --expires-at must be an ISO 8601 date-time, e.g. 2027-01-01T00:00:00Z; got "next week".'],
  ])('exits 2 with one line for the arguments %j', async (args, line) => {
    const { code, stdout, stderr } = await runCommand(args, env);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('creates a key, prints it once on stdout with a warning, and stores only its hash', async () => {
    const { code, stdout, stderr } = await runCommand(['--role', 'OPERATOR', '--name', 'ci on-call'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('will not be shown again') });
    const secret = stdout.trim();
    expect(secret).toMatch(API_KEY_PATTERN);
    expect(stderr).not.toContain(secret);

    const store: Store = await openStore({ databaseUrl: databaseUrl || undefined, dataDir, poolSize: 1 });
    try {
      const { dataSource } = await openDataSource({ store, schema: dbSchema, entities: [], migrations: [] });
      try {
        const rows = await dataSource.query(`SELECT role, name, created_by, hash FROM "${dbSchema}".api_key`);
        expect(rows).toEqual([{ role: 'OPERATOR', name: 'ci on-call', created_by: 'cli', hash: hashApiKey(secret) }]);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await store.close();
    }
  });

  it('exits 2 naming the flag when the rules refuse the key', async () => {
    const { code, stdout, stderr } = await runCommand(['--role', 'partner', '--name', 'dashboard'], env);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'create-key: --partner: is required for a PARTNER key: the partner the key acts for\n' });
  });

  it('refuses to open an embedded store another process has open, and exits 1', async () => {
    const held = await openStore({ dataDir, poolSize: 1 });
    try {
      const { code, stdout, stderr } = await runCommand(['--role', 'OPERATOR', '--name', 'second'], { ...env, DATABASE_URL: '' });
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toBe(
        `create-key: The embedded store in ${dataDir} is in use by process ${process.pid} (a running \`npm start\` or service?). ` +
          `Stop that process first, or point DATABASE_URL at a PostgreSQL server; if no Junction process is running, delete ${path.join(dataDir, 'store.lock')}.\n`,
      );
    } finally {
      await held.close();
    }
  });
});
