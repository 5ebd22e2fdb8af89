import { SecretBox, SecretBoxError } from '../src/webhooks/secret-box';
import { generateSigningSecret } from '../src/webhooks/webhook-signature';

// The crypto of sealed webhook signing secrets, without a database: what opens, and what fails with which sentence.

const first = { id: 'k2', key: Buffer.alloc(32, 2) };
const second = { id: 'k1', key: Buffer.alloc(32, 1) };
const secret = generateSigningSecret();

/** The error `open` throws, to pin its fields. */
function openError(box: SecretBox, stored: string): SecretBoxError {
  try {
    box.open(stored);
  } catch (error) {
    if (error instanceof SecretBoxError) return error;
    throw error;
  }
  throw new Error('open did not throw');
}

describe('SecretBox', () => {
  it('seals with the first key under a fresh IV, and opens what it sealed', () => {
    const box = new SecretBox([first, second]);
    const sealed = box.seal(secret);
    expect(sealed).toMatch(/^v1:k2:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{87}$/);
    expect(sealed).not.toContain(secret.slice('whsec_'.length));
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
  });

  it('opens a value sealed with any listed key, so the sealing key can change', () => {
    const sealedWithOld = new SecretBox([second]).seal(secret);
    expect(new SecretBox([first, second]).open(sealedWithOld)).toBe(secret);
  });

  it('opens a legacy whsec_ secret as itself', () => {
    expect(new SecretBox([first]).open(secret)).toBe(secret);
  });

  it('tells which key a stored value is sealed with, configured or not, without opening it', () => {
    const box = new SecretBox([first, second]);
    expect(box.sealingKeyId).toBe('k2');
    expect(box.sealedWith(box.seal(secret))).toBe('k2');
    expect(box.sealedWith(new SecretBox([second]).seal(secret))).toBe('k1');
    expect(box.sealedWith(new SecretBox([{ id: 'retired', key: Buffer.alloc(32, 9) }]).seal(secret))).toBe('retired');
    expect(box.sealedWith(secret)).toBeUndefined();
    expect(() => box.sealedWith('hunter2')).toThrow('A stored webhook signing secret is neither sealed (v1:<keyId>:…) nor a whsec_ secret; a rotation with keepPreviousForHours: 0 replaces it.');
  });

  it('names the key id, never the secret, when the key is not configured', () => {
    const error = openError(new SecretBox([first]), new SecretBox([second]).seal(secret));
    expect({ name: error.name, message: error.message, keyId: error.keyId }).toEqual({
      name: 'SecretBoxError',
      message: 'A webhook signing secret is sealed with encryption key "k1", which is not configured; add that key to WEBHOOK_SECRET_KEYS (after the first) to open it.',
      keyId: 'k1',
    });
    expect(error.message).not.toContain(secret);
  });

  it('refuses a value sealed with other material under the same id, or altered', () => {
    const sealed = new SecretBox([first]).seal(secret);
    const message = 'A webhook signing secret sealed with encryption key "k2" does not open with the configured key of that id: the key material changed, or the stored value was altered.';
    expect(openError(new SecretBox([{ id: 'k2', key: Buffer.alloc(32, 3) }]), sealed).message).toBe(message);
    const [version, keyId, iv, ciphertext] = sealed.split(':');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    const altered = [version, keyId, iv, flipped.toString('base64url')].join(':');
    expect(openError(new SecretBox([first]), altered).message).toBe(message);
  });

  it('refuses a value that is neither sealed nor a whsec_ secret', () => {
    for (const stored of ['', 'hunter2', 'v2:k2:abc:def', 'v1:k2:short:AAAA']) {
      expect(openError(new SecretBox([first]), stored).message).toBe('A stored webhook signing secret is neither sealed (v1:<keyId>:…) nor a whsec_ secret; a rotation with keepPreviousForHours: 0 replaces it.');
    }
  });

  it('needs at least one 32-byte key with a usable, distinct id', () => {
    expect(() => new SecretBox([])).toThrow('A SecretBox needs at least one key.');
    expect(() => new SecretBox([{ id: 'k1', key: Buffer.alloc(16) }])).toThrow('SecretBox key "k1" is 16 bytes; it must be 32.');
    expect(() => new SecretBox([{ id: 'k:1', key: Buffer.alloc(32) }])).toThrow('SecretBox key id "k:1" must be 1 to 32 letters, digits, "_" or "-".');
    expect(() => new SecretBox([first, first])).toThrow('SecretBox key ids must be distinct.');
  });
});
