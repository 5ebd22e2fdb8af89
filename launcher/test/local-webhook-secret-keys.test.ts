import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localWebhookSecretKeys } from '../src/local-webhook-secret-keys';

describe("npm start's webhook secret keys", () => {
  let dataDir: string;
  beforeEach(() => (dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'junction-launcher-')), 'data')));
  afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('generates a key on the first start, readable by this user only, and reads the same key on the next', () => {
    const [first] = localWebhookSecretKeys(dataDir);
    expect(first.key).toHaveLength(32);
    expect(statSync(path.join(dataDir, 'webhook-secret-keys')).mode & 0o777).toBe(0o600);
    const [again] = localWebhookSecretKeys(dataDir);
    expect(again).toEqual(first);
  });

  it('refuses a file that does not hold keys, naming it', () => {
    localWebhookSecretKeys(dataDir);
    const file = path.join(dataDir, 'webhook-secret-keys');
    writeFileSync(file, 'local=too-short\n');
    expect(() => localWebhookSecretKeys(dataDir)).toThrow(`${file} does not hold webhook secret keys: key "local" is not base64`);
  });
});
