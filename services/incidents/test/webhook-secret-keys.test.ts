import { TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { loadIncidentsConfig } from '../src/config';
import { deriveWebhookSecretKeys } from '../src/webhooks/webhook-secret-keys';

// WEBHOOK_SECRET_KEYS as the standalone incidents service reads it at start-up, and the launcher's derived key.

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const load = (WEBHOOK_SECRET_KEYS?: string) => loadIncidentsConfig({ JUNCTION_PRINCIPAL_SECRET: TEST_PRINCIPAL_SECRET, WEBHOOK_SECRET_KEYS });
const FORMAT = 'keyId=<base64 of 32 random bytes>, comma-separated, the sealing key first, e.g. k1=<output of `openssl rand -base64 32`>';

describe('WEBHOOK_SECRET_KEYS', () => {
  it('reads the keys in order: the first seals, every one opens', () => {
    expect(load(`k2=${key(2)}, k1=${key(1)}`).WEBHOOK_SECRET_KEYS).toEqual([
      { id: 'k2', key: Buffer.alloc(32, 2) },
      { id: 'k1', key: Buffer.alloc(32, 1) },
    ]);
  });

  it.each([
    ['unset', undefined, `must be set to the keys webhook signing secrets are encrypted with: ${FORMAT}`],
    ['a key of the wrong length', `k1=${Buffer.alloc(16).toString('base64')}`, 'key "k1" is 16 bytes; it must be 32 (generate one with `openssl rand -base64 32`)'],
    ['a key that is not base64', 'k1=not*base64!', 'key "k1" is not base64; generate one with `openssl rand -base64 32`'],
    ['an id listed twice', `k1=${key(1)},k1=${key(2)}`, 'key id "k1" is listed twice; give each key its own id'],
    ['a key without an id', key(1).replace(/=$/, ''), `entry 1 is not keyId=<key>; write ${FORMAT}`],
    ['an unusable id', `k1=${key(1)},k:2=${key(2)}`, 'the key id of entry 2 must be 1 to 32 letters, digits, "_" or "-"'],
    ['an empty entry', `k1=${key(1)},`, `entry 2 is empty; write ${FORMAT}`],
  ])('stops the start with a sentence naming the variable: %s', (_case, value, problem) => {
    expect(() => load(value)).toThrow(`Invalid configuration; set these environment variables and start again:\n- WEBHOOK_SECRET_KEYS: ${problem}`);
  });

  it('never repeats key material in a problem', () => {
    const material = key(5).replace(/=$/, '');
    expect(() => load(material)).toThrow(/entry 1 is not keyId=<key>/);
    expect(() => load(material)).not.toThrow(material);
  });
});

describe('deriveWebhookSecretKeys', () => {
  it('derives one 32-byte key per principal secret, the same on every call', () => {
    const [derived] = deriveWebhookSecretKeys(TEST_PRINCIPAL_SECRET);
    expect(derived.id).toBe('principal');
    expect(derived.key).toHaveLength(32);
    expect(deriveWebhookSecretKeys(TEST_PRINCIPAL_SECRET)[0].key.equals(derived.key)).toBe(true);
    expect(deriveWebhookSecretKeys(`${TEST_PRINCIPAL_SECRET}-other`)[0].key.equals(derived.key)).toBe(false);
  });
});
