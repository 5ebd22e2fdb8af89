import { hkdfSync } from 'node:crypto';
import { SECRET_BOX_KEY_BYTES, SECRET_BOX_KEY_ID, type SecretBoxKey } from './secret-box';

/** What `WEBHOOK_SECRET_KEYS` holds, for messages. */
export const WEBHOOK_SECRET_KEYS_FORMAT = 'keyId=<base64 of 32 random bytes>, comma-separated, the sealing key first, e.g. k1=<output of `openssl rand -base64 32`>';

/** The result of {@link parseWebhookSecretKeys}: the keys it read, or the first problem as a sentence. */
export type ParseWebhookSecretKeysResult = { ok: true; keys: SecretBoxKey[] } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads `WEBHOOK_SECRET_KEYS`: `keyId=<base64 of 32 bytes>` entries separated by commas. The first key seals, every
 * key opens. A problem names the entry by its position or key id, never by its key material.
 */
export function parseWebhookSecretKeys(text: string): ParseWebhookSecretKeysResult {
  const keys: SecretBoxKey[] = [];
  for (const [index, entry] of text.split(',').map((part) => part.trim()).entries()) {
    const separator = entry.indexOf('=');
    const id = entry.slice(0, separator);
    const material = entry.slice(separator + 1);
    if (entry === '') return { ok: false, problem: `entry ${index + 1} is empty; write ${WEBHOOK_SECRET_KEYS_FORMAT}` };
    if (separator < 0) return { ok: false, problem: `entry ${index + 1} is not keyId=<key>; write ${WEBHOOK_SECRET_KEYS_FORMAT}` };
    if (!SECRET_BOX_KEY_ID.test(id)) return { ok: false, problem: `the key id of entry ${index + 1} must be 1 to 32 letters, digits, "_" or "-"` };
    if (keys.some((key) => key.id === id)) return { ok: false, problem: `key id "${id}" is listed twice; give each key its own id` };
    if (!BASE64.test(material) || material.length % 4 !== 0) return { ok: false, problem: `key "${id}" is not base64; generate one with \`openssl rand -base64 32\`` };
    const key = Buffer.from(material, 'base64');
    if (key.length !== SECRET_BOX_KEY_BYTES) {
      return { ok: false, problem: `key "${id}" is ${key.length} bytes; it must be ${SECRET_BOX_KEY_BYTES} (generate one with \`openssl rand -base64 32\`)` };
    }
    keys.push({ id, key });
  }
  return { ok: true, keys };
}

/** The id of the key {@link deriveWebhookSecretKeys} returns. */
export const DERIVED_WEBHOOK_SECRET_KEY_ID = 'principal';

/**
 * One encryption key derived (HKDF-SHA256) from the principal secret, for stacks built in one process without
 * `WEBHOOK_SECRET_KEYS` (tests, benchmarks). The key is as stable as the principal secret; `npm start`, whose data
 * outlives a restart, keeps a generated key in its data directory instead.
 */
export function deriveWebhookSecretKeys(principalSecret: string): SecretBoxKey[] {
  const key = Buffer.from(hkdfSync('sha256', principalSecret, 'junction', 'incidents webhook signing secrets', SECRET_BOX_KEY_BYTES));
  return [{ id: DERIVED_WEBHOOK_SECRET_KEY_ID, key }];
}
