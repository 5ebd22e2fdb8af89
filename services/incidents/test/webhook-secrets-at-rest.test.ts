import { OPERATOR, graphqlRequest, principalHeaders } from '@junction/testing';
import { SecretBox, type SecretBoxKey } from '../src/webhooks/secret-box';
import { generateSigningSecret, verifyWebhookSignature } from '../src/webhooks/webhook-signature';
import { createOpenedEndpoint, openPublicIncident, partner, partnerId, startIncidents, type IncidentsHarness } from './incidents-harness';
import type { ReceivedWebhook, WebhookReceiver } from './webhook-receiver';

// Webhook signing secrets are stored sealed (AES-256-GCM) and opened only to sign: checked in the database with SQL
// and at a real HTTP receiver, through the incidents subgraph's GraphQL API and its real dispatcher.

/** The operator's encryption keys: a new one that seals, listed first, and the one it replaced, kept to open older rows. */
const CURRENT_KEY: SecretBoxKey = { id: '2025-02', key: Buffer.alloc(32, 2) };
const OLD_KEY: SecretBoxKey = { id: '2024-11', key: Buffer.alloc(32, 1) };

const ROTATE_SECRET = `mutation ($id: ID!, $keepPreviousForHours: Int) { rotateWebhookSecret(id: $id, keepPreviousForHours: $keepPreviousForHours) { signingSecret } }`;
const DELIVERIES = `query ($partnerId: ID!) { webhookEndpoints(partnerId: $partnerId) { id deliveries(first: 10) { status attempts } } }`;

let harness: IncidentsHarness;
const receivers: WebhookReceiver[] = [];
/** What the dispatcher reported through `onError` (the service logs it). */
const reportedErrors: Error[] = [];

beforeAll(async () => {
  // A short lease: a delivery held for want of its key is claimed again within a second.
  harness = await startIncidents({
    webhookSecretKeys: [CURRENT_KEY, OLD_KEY],
    webhooks: { leaseMs: 1000, requestTimeoutMs: 900, onError: (error) => reportedErrors.push(error as Error) },
  });
});

afterAll(async () => {
  await harness.close();
  for (const receiver of receivers) await receiver.close();
});

const createEndpoint = (slug: string) => createOpenedEndpoint(harness, slug, receivers);

async function rotate(slug: string, id: string, keepPreviousForHours: number): Promise<string> {
  const { data, errors } = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours }, principalHeaders(partner(slug)));
  expect(errors).toBeUndefined();
  return data.rotateWebhookSecret.signingSecret;
}

const openIncident = (slug: string) => openPublicIncident(harness, [slug]);

/** The endpoint's row, as a database dump would show it. */
async function storedSecrets(id: string): Promise<{ signing_secret: string; previous_signing_secret: string | null }> {
  const { dataSource } = harness.incidents.db;
  const schema = (dataSource.options as { schema: string }).schema;
  const [row] = await dataSource.query(`SELECT signing_secret, previous_signing_secret FROM "${schema}".webhook_endpoint WHERE id = $1`, [id]);
  return row;
}

async function storeSecret(id: string, stored: string): Promise<void> {
  const { dataSource } = harness.incidents.db;
  const schema = (dataSource.options as { schema: string }).schema;
  await dataSource.query(`UPDATE "${schema}".webhook_endpoint SET signing_secret = $2 WHERE id = $1`, [id, stored]);
}

/** Whether a partner's receiver holding `secret` accepts the request. */
const verifies = (request: ReceivedWebhook, secret: string) => verifyWebhookSignature({ secret, body: request.body, header: String(request.headers['junction-signature']) });

/** `plaintext` sealed as a service configured with `key` alone seals it. */
const sealedWith = (key: SecretBoxKey, plaintext: string) => new SecretBox([key]).seal(plaintext);
/** A `whsec_…` secret sealed with the key `keyId`: version, key id, IV, ciphertext and tag; nothing else. */
const sealedPattern = (keyId: string) => new RegExp(`^v1:${keyId}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{87}$`);

describe('webhook signing secrets at rest', () => {
  it('are stored sealed with the first key, while deliveries verify with the secret the API returned', async () => {
    const { id, secret, receiver } = await createEndpoint('offchain-labs');
    const stored = await storedSecrets(id);
    expect(stored).toEqual({ signing_secret: expect.stringMatching(sealedPattern(CURRENT_KEY.id)), previous_signing_secret: null });
    expect(stored.signing_secret).not.toContain(secret.slice('whsec_'.length));

    await openIncident('offchain-labs');
    const [request] = await receiver.waitFor(1);
    expect(verifies(request, secret)).toBe(true);

    // A rotation that keeps the old secret stores both sealed, and signs with both.
    const rotated = await rotate('offchain-labs', id, 24);
    const afterRotation = await storedSecrets(id);
    expect(afterRotation).toEqual({ signing_secret: expect.stringMatching(sealedPattern(CURRENT_KEY.id)), previous_signing_secret: expect.stringMatching(sealedPattern(CURRENT_KEY.id)) });
    for (const plaintext of [secret, rotated]) expect(JSON.stringify(afterRotation)).not.toContain(plaintext.slice('whsec_'.length));
    await openIncident('offchain-labs');
    const [, signedTwice] = await receiver.waitFor(2);
    expect([verifies(signedTwice, rotated), verifies(signedTwice, secret)]).toEqual([true, true]);
  });

  it('still sign with a legacy plaintext secret, and a rotation seals it', async () => {
    const { id, receiver } = await createEndpoint('op-labs');
    const legacy = generateSigningSecret();
    await storeSecret(id, legacy);

    await openIncident('op-labs');
    const [request] = await receiver.waitFor(1);
    expect(verifies(request, legacy)).toBe(true);

    const rotated = await rotate('op-labs', id, 24);
    expect(await storedSecrets(id)).toEqual({ signing_secret: expect.stringMatching(sealedPattern(CURRENT_KEY.id)), previous_signing_secret: expect.stringMatching(sealedPattern(CURRENT_KEY.id)) });
    await openIncident('op-labs');
    const [, signedTwice] = await receiver.waitFor(2);
    expect([verifies(signedTwice, rotated), verifies(signedTwice, legacy)]).toEqual([true, true]);
  });

  it('open a secret sealed with an older key still listed, and a rotation moves it to the first key', async () => {
    const { id, secret, receiver } = await createEndpoint('scroll-tech');
    // As the row was before the operator put the new key first.
    await storeSecret(id, sealedWith(OLD_KEY, secret));

    await openIncident('scroll-tech');
    const [request] = await receiver.waitFor(1);
    expect(verifies(request, secret)).toBe(true);

    await rotate('scroll-tech', id, 24);
    const { previous_signing_secret: previous } = await storedSecrets(id);
    expect(previous).toMatch(sealedPattern(CURRENT_KEY.id));
    expect(new SecretBox([CURRENT_KEY]).open(previous!)).toBe(secret);
  });

  it('hold deliveries whose secret is sealed with a key no longer configured, and report an error naming the key id', async () => {
    const { id, secret, receiver } = await createEndpoint('matter-labs');
    await storeSecret(id, sealedWith({ id: 'retired', key: Buffer.alloc(32, 9) }, secret));
    reportedErrors.length = 0;

    await openIncident('matter-labs');
    for (const deadline = Date.now() + 5000; reportedErrors.length === 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reportedErrors[0]).toMatchObject({
      name: 'SecretBoxError',
      message: 'A webhook signing secret is sealed with encryption key "retired", which is not configured; add that key to WEBHOOK_SECRET_KEYS (after the first) to open it.',
      keyId: 'retired',
    });
    // Not the receiver's fault: nothing was sent and no attempt is counted.
    const deliveries = async () => (await graphqlRequest(harness.url, DELIVERIES, { partnerId: partnerId('matter-labs') }, principalHeaders(OPERATOR))).data.webhookEndpoints[0].deliveries;
    expect(await deliveries()).toEqual([{ status: 'PENDING', attempts: 0 }]);
    expect(receiver.received).toEqual([]);

    // Keeping the previous secret needs it opened: refused, masked to the caller. Cutting it off replaces it.
    const keeping = await graphqlRequest(harness.url, ROTATE_SECRET, { id, keepPreviousForHours: 24 }, principalHeaders(partner('matter-labs')));
    expect({ message: keeping.errors?.[0].message, code: keeping.errors?.[0].extensions?.code }).toEqual({
      message: 'Something went wrong on our side; the error has been logged.',
      code: 'INTERNAL_SERVER_ERROR',
    });
    const rotated = await rotate('matter-labs', id, 0);
    // The held delivery is claimed again when its lease runs out, and goes out signed with the new secret.
    const [request] = await receiver.waitFor(1, 5000);
    expect(verifies(request, rotated)).toBe(true);
    for (const deadline = Date.now() + 5000; (await deliveries())[0].status === 'PENDING' && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await deliveries()).toEqual([{ status: 'DELIVERED', attempts: 1 }]);
  });
});
