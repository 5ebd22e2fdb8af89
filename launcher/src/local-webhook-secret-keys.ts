import { parseWebhookSecretKeys, type SecretBoxKey } from '@junction/incidents';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The webhook secret keys of `npm start` when `WEBHOOK_SECRET_KEYS` is unset: read from `<dataDir>/webhook-secret-keys`,
 * or generated there (readable by this user only) on the first start. Kept beside the embedded database, so the
 * signing secrets stored in it still open after a restart; delete both together.
 */
export function localWebhookSecretKeys(dataDir: string): SecretBoxKey[] {
  const file = path.join(dataDir, 'webhook-secret-keys');
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    text = `local=${randomBytes(32).toString('base64')}`;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  }
  const parsed = parseWebhookSecretKeys(text);
  if (!parsed.ok) throw new Error(`${file} does not hold webhook secret keys: ${parsed.problem}. Fix it, or delete it together with the data it encrypted.`);
  return parsed.keys;
}
