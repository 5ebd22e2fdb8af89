import { openDataSource, openStore } from '@junction/db';
import { graphqlRequest, principalHeaders } from '@junction/testing';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { resealWebhookSecrets } from '../src/webhooks/reseal-webhook-secrets';
import { SecretBox, type SecretBoxKey } from '../src/webhooks/secret-box';
import { generateSigningSecret, verifyWebhookSignature } from '../src/webhooks/webhook-signature';
import { createOpenedEndpoint, openPublicIncident, partner, partnerId, startIncidents, type IncidentsHarness } from './incidents-harness';
import type { ReceivedWebhook, WebhookReceiver } from './webhook-receiver';

// Changing the encryption key of webhook signing secrets without rotating them: `npm run reseal-webhook-secrets`
// seals every stored secret again with the first key of WEBHOOK_SECRET_KEYS. Checked in the database with SQL, at a
// real HTTP receiver through the incidents subgraph's real dispatcher, and as the built command in a child process.

/** The operator's keys after the change: the new one first, the one it replaces kept to open older rows. */
const NEW_KEY: SecretBoxKey = { id: '2025-02', key: Buffer.alloc(32, 2) };
const OLD_KEY: SecretBoxKey = { id: '2024-11', key: Buffer.alloc(32, 1) };
/** A key dropped from the configuration while a row was still sealed with it. */
const RETIRED_KEY: SecretBoxKey = { id: 'retired', key: Buffer.alloc(32, 9) };

/** `plaintext` sealed as a service configured with `key` alone seals it. */
const sealedWith = (key: SecretBoxKey, plaintext: string) => new SecretBox([key]).seal(plaintext);
/** Opens with the new key alone: what the service can still read once the old key is dropped. */
const openWithNewKeyAlone = (stored: string) => new SecretBox([NEW_KEY]).open(stored);

/** The stored secrets of every endpoint in `schema`, by id, with the key id each is sealed with, as SQL reads them. */
async function storedSecrets(dataSource: DataSource, schema: string): Promise<Record<string, { signingKey: string; previousKey: string | null; signing: string; previous: string | null }>> {
  const rows: Array<{ id: string; signing_key: string; previous_key: string | null; signing_secret: string; previous_signing_secret: string | null }> = await dataSource.query(
    `SELECT id, split_part(signing_secret, ':', 2) AS signing_key, split_part(previous_signing_secret, ':', 2) AS previous_key, signing_secret, previous_signing_secret
       FROM "${schema}".webhook_endpoint ORDER BY id`,
  );
  return Object.fromEntries(rows.map((row) => [row.id, { signingKey: row.signing_key, previousKey: row.previous_key, signing: row.signing_secret, previous: row.previous_signing_secret }]));
}

/** Overwrites an endpoint's stored secrets, as they were before the operator put the new key first. */
async function storeSecrets(dataSource: DataSource, schema: string, id: string, signing: string, previous: string | null = null): Promise<void> {
  const expiresAt = previous === null ? null : new Date(Date.now() + 24 * 3_600_000);
  await dataSource.query(`UPDATE "${schema}".webhook_endpoint SET signing_secret = $2, previous_signing_secret = $3, previous_secret_expires_at = $4 WHERE id = $1`, [id, signing, previous, expiresAt]);
}

describe('resealWebhookSecrets, the work behind the command', () => {
  let harness: IncidentsHarness;
  let dataSource: DataSource;
  let schema: string;
  const receivers: WebhookReceiver[] = [];
  /** The service's keys: the first seals, every one opens. */
  const secretBox = new SecretBox([NEW_KEY, OLD_KEY]);

  beforeAll(async () => {
    harness = await startIncidents({ webhookSecretKeys: [NEW_KEY, OLD_KEY] });
    dataSource = harness.incidents.db.dataSource;
    schema = (dataSource.options as { schema: string }).schema;
  });

  afterAll(async () => {
    await harness.close();
    for (const receiver of receivers) await receiver.close();
  });

  const createEndpoint = (slug: string) => createOpenedEndpoint(harness, slug, receivers);

  const openIncident = (slugs: string[]) => openPublicIncident(harness, slugs);

  /** Whether a partner's receiver holding `secret` accepts the request. */
  const verifies = (request: ReceivedWebhook, secret: string) => verifyWebhookSignature({ secret, body: request.body, header: String(request.headers['junction-signature']) });

  /** Endpoints stored so far: the file's endpoints accumulate, and `totalEndpoints` counts the earlier tests' too. */
  const endpointCount = async () => Object.keys(await storedSecrets(dataSource, schema)).length;

  it('seals secrets sealed with the old key again with the new one, and deliveries verify with the secrets the API returned', async () => {
    const earlier = await endpointCount();
    const rotatedAway = await createEndpoint('offchain-labs');
    const rotation = `mutation ($id: ID!) { rotateWebhookSecret(id: $id, keepPreviousForHours: 24) { signingSecret } }`;
    const { data } = await graphqlRequest(harness.url, rotation, { id: rotatedAway.id }, principalHeaders(partner('offchain-labs')));
    const rotated: string = data.rotateWebhookSecret.signingSecret;
    const oldKeyOnly = await createEndpoint('op-labs');
    const current = await createEndpoint('scroll-tech');
    // As the rows were before the operator put the new key first.
    await storeSecrets(dataSource, schema, rotatedAway.id, sealedWith(OLD_KEY, rotated), sealedWith(OLD_KEY, rotatedAway.secret));
    await storeSecrets(dataSource, schema, oldKeyOnly.id, sealedWith(OLD_KEY, oldKeyOnly.secret));
    const before = await storedSecrets(dataSource, schema);

    // Batches of 2: the three endpoints take two.
    expect(await resealWebhookSecrets(dataSource, { secretBox, batchSize: 2 })).toEqual({ sealingKeyId: '2025-02', totalEndpoints: earlier + 3, resealedEndpoints: 2, failures: [] });
    const after = await storedSecrets(dataSource, schema);
    expect(after).toMatchObject({
      [rotatedAway.id]: expect.objectContaining({ signingKey: '2025-02', previousKey: '2025-02' }),
      [oldKeyOnly.id]: expect.objectContaining({ signingKey: '2025-02', previousKey: null }),
      [current.id]: before[current.id],
    });
    expect([after[rotatedAway.id].signing, after[rotatedAway.id].previous!, after[oldKeyOnly.id].signing].map(openWithNewKeyAlone)).toEqual([rotated, rotatedAway.secret, oldKeyOnly.secret]);

    await openIncident(['offchain-labs', 'op-labs', 'scroll-tech']);
    const [[toRotatedAway], [toOldKeyOnly], [toCurrent]] = await Promise.all([rotatedAway, oldKeyOnly, current].map(({ receiver }) => receiver.waitFor(1)));
    expect([verifies(toRotatedAway, rotated), verifies(toRotatedAway, rotatedAway.secret), verifies(toOldKeyOnly, oldKeyOnly.secret), verifies(toCurrent, current.secret)]).toEqual([true, true, true, true]);

    // A second run finds nothing to do and writes nothing.
    expect(await resealWebhookSecrets(dataSource, { secretBox })).toEqual({ sealingKeyId: '2025-02', totalEndpoints: earlier + 3, resealedEndpoints: 0, failures: [] });
    expect(await storedSecrets(dataSource, schema)).toEqual(after);
  });

  it('seals a legacy plaintext secret, which keeps signing as it did', async () => {
    const earlier = await endpointCount();
    const { id, receiver } = await createEndpoint('matter-labs');
    const legacy = generateSigningSecret();
    await storeSecrets(dataSource, schema, id, legacy);

    expect(await resealWebhookSecrets(dataSource, { secretBox })).toEqual({ sealingKeyId: '2025-02', totalEndpoints: earlier + 1, resealedEndpoints: 1, failures: [] });
    const { [id]: stored } = await storedSecrets(dataSource, schema);
    expect(stored).toMatchObject({ signingKey: '2025-02', previousKey: null });
    expect(stored.signing).not.toContain(legacy.slice('whsec_'.length));
    expect(openWithNewKeyAlone(stored.signing)).toBe(legacy);

    await openIncident(['matter-labs']);
    const [request] = await receiver.waitFor(1);
    expect(verifies(request, legacy)).toBe(true);
  });

  it('leaves an endpoint with a secret sealed with a key that is not configured as it was, reports it, and seals the rest', async () => {
    const earlier = await endpointCount();
    const unopenable = await createEndpoint('offchain-labs');
    const other = await createEndpoint('op-labs');
    await storeSecrets(dataSource, schema, unopenable.id, sealedWith(RETIRED_KEY, unopenable.secret), sealedWith(OLD_KEY, generateSigningSecret()));
    await storeSecrets(dataSource, schema, other.id, sealedWith(OLD_KEY, other.secret));
    const { [unopenable.id]: before } = await storedSecrets(dataSource, schema);

    const { failures, ...counts } = await resealWebhookSecrets(dataSource, { secretBox });
    expect(counts).toEqual({ sealingKeyId: '2025-02', totalEndpoints: earlier + 2, resealedEndpoints: 1 });
    expect(failures.map(({ endpointId, error }) => ({ endpointId, name: error.name, keyId: error.keyId, message: error.message }))).toEqual([
      {
        endpointId: unopenable.id,
        name: 'SecretBoxError',
        keyId: 'retired',
        message: 'A webhook signing secret is sealed with encryption key "retired", which is not configured; add that key to WEBHOOK_SECRET_KEYS (after the first) to open it.',
      },
    ]);
    const after = await storedSecrets(dataSource, schema);
    // Both of its secrets as they were, the one its key opens included.
    expect(after[unopenable.id]).toEqual(before);
    expect(before).toMatchObject({ signingKey: 'retired', previousKey: '2024-11' });
    expect(after[other.id]).toMatchObject({ signingKey: '2025-02', previousKey: null });
    expect(openWithNewKeyAlone(after[other.id].signing)).toBe(other.secret);
  });
});

describe('reseal-webhook-secrets: the built command in a child process', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const script = path.join(root, 'services', 'incidents', 'dist', 'cli', 'reseal-webhook-secrets.js');
  let dataDir: string;
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const schema = `incidents_reseal_${randomBytes(4).toString('hex')}`;
  /** `WEBHOOK_SECRET_KEYS` listing `keys`, the first sealing. */
  const keysVariable = (...keys: SecretBoxKey[]) => keys.map(({ id, key }) => `${id}=${key.toString('base64')}`).join(',');

  /** Runs `work` on the command's store and schema, opened in this process and closed before the next run. */
  async function withCommandSchema<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const store = await openStore({ databaseUrl: databaseUrl || undefined, dataDir, poolSize: 1 });
    try {
      const { dataSource } = await openDataSource({ store, schema, entities: [], migrations: [] });
      try {
        return await work(dataSource);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await store.close();
    }
  }

  /** Runs the built command; resolves with its exit code and output. */
  function runCommand(args: string[], extraEnv: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const env = { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, JUNCTION_DATA_DIR: dataDir, INCIDENTS_DB_SCHEMA: schema, ...extraEnv };
      execFile(process.execPath, [script, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'junction-reseal-'));
    // Runs the built command, as `npm run reseal-webhook-secrets` does.
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'services', 'incidents')], { stdio: 'pipe' });
  }, 120_000);

  afterAll(async () => {
    if (databaseUrl) await withCommandSchema((dataSource) => dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [['--force'], { WEBHOOK_SECRET_KEYS: keysVariable(NEW_KEY) }, "reseal-webhook-secrets: Unknown option '--force'; see --help."],
    [
      [],
      {},
      'reseal-webhook-secrets: Invalid configuration; set these environment variables and start again:\n' +
        '- WEBHOOK_SECRET_KEYS: must be set to the keys webhook signing secrets are encrypted with: keyId=<base64 of 32 random bytes>, comma-separated, the sealing key first, e.g. k1=<output of `openssl rand -base64 32`>',
    ],
    [
      [],
      { WEBHOOK_SECRET_KEYS: `${keysVariable(NEW_KEY)},2024-11=c2hvcnQ=` },
      'reseal-webhook-secrets: Invalid configuration; set these environment variables and start again:\n' +
        '- WEBHOOK_SECRET_KEYS: key "2024-11" is 5 bytes; it must be 32 (generate one with `openssl rand -base64 32`)',
    ],
  ])('exits 2 with what to change for the arguments %j and environment %j', async (args, extraEnv, message) => {
    expect(await runCommand(args, extraEnv)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('seals every secret with the first key, exits 1 naming an endpoint whose key is not configured, and changes nothing on a second run', async () => {
    // A store the service has never opened: the command applies the migrations and finds no endpoint.
    expect(await runCommand([], { WEBHOOK_SECRET_KEYS: keysVariable(NEW_KEY, OLD_KEY) })).toEqual({ code: 0, stdout: 're-sealed 0 of 0 endpoints with key "2025-02"\n', stderr: '' });

    const [sealedWithOld, sealedWithRetired] = [randomUUID(), randomUUID()];
    const secrets = { [sealedWithOld]: generateSigningSecret(), [sealedWithRetired]: generateSigningSecret() };
    const rows = [
      [sealedWithOld, sealedWith(OLD_KEY, secrets[sealedWithOld])],
      [sealedWithRetired, sealedWith(RETIRED_KEY, secrets[sealedWithRetired])],
    ];
    await withCommandSchema(async (dataSource) => {
      for (const [id, stored] of rows) {
        await dataSource.query(
          `INSERT INTO "${schema}".webhook_endpoint (id, partner_id, url, enabled, signing_secret, created_at, updated_at)
           VALUES ($1, $2, 'https://hooks.example.com/junction', true, $3, now(), now())`,
          [id, partnerId('op-labs'), stored],
        );
      }
    });

    expect(await runCommand([], { WEBHOOK_SECRET_KEYS: keysVariable(NEW_KEY, OLD_KEY) })).toEqual({
      code: 1,
      stdout: 're-sealed 1 of 2 endpoints with key "2025-02"\n',
      stderr:
        `reseal-webhook-secrets: endpoint ${sealedWithRetired} was left as it was: A webhook signing secret is sealed with encryption key "retired", which is not configured; add that key to WEBHOOK_SECRET_KEYS (after the first) to open it.\n` +
        'reseal-webhook-secrets: 1 endpoint was left as it was; do what the lines above say, then run the command again.\n',
    });
    expect(await runCommand([], { WEBHOOK_SECRET_KEYS: keysVariable(NEW_KEY, OLD_KEY, RETIRED_KEY) })).toEqual({ code: 0, stdout: 're-sealed 1 of 2 endpoints with key "2025-02"\n', stderr: '' });
    const stored = await withCommandSchema((dataSource) => storedSecrets(dataSource, schema));
    expect(Object.values(stored).map(({ signingKey }) => signingKey)).toEqual(['2025-02', '2025-02']);
    expect(Object.fromEntries(Object.entries(stored).map(([id, { signing }]) => [id, openWithNewKeyAlone(signing)]))).toEqual(secrets);

    // The old keys can go now.
    expect(await runCommand([], { WEBHOOK_SECRET_KEYS: keysVariable(NEW_KEY) })).toEqual({ code: 0, stdout: 're-sealed 0 of 2 endpoints with key "2025-02"\n', stderr: '' });
    expect(await withCommandSchema((dataSource) => storedSecrets(dataSource, schema))).toEqual(stored);
  }, 180_000);
});
