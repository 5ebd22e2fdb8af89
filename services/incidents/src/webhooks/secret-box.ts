import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SIGNING_SECRET_PREFIX } from './webhook-signature';

/** How long an encryption key is: AES-256 takes 32 bytes. */
export const SECRET_BOX_KEY_BYTES = 32;

/** What a key id may be: it is written into every sealed value, between colons. */
export const SECRET_BOX_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** An encryption key of a {@link SecretBox}. */
export interface SecretBoxKey {
  /** Names the key in every value it seals, so the value can be opened after other keys are added. */
  id: string;
  /** {@link SECRET_BOX_KEY_BYTES} bytes of key material. */
  key: Buffer;
}

/**
 * Thrown when a stored secret cannot be opened: an operator's misconfiguration, not the caller's doing. Not a
 * `BaseError`, so a GraphQL caller sees only the masked internal error while the sentence reaches the logs.
 */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
  /** The key id the value names; undefined when the value is malformed. */
  readonly keyId: string | undefined;

  constructor(message: string, { keyId, cause }: { keyId?: string; cause?: unknown } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.keyId = keyId;
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM. The dispatcher needs each secret in the clear to sign
 * deliveries (HMAC), so they cannot be hashed; a database dump without the keys yields no secret.
 *
 * `seal` writes `v1:<keyId>:<base64url IV>:<base64url ciphertext and tag>` with the first key; `open` accepts a
 * value sealed with any of the keys. To change the encryption key, list a new key first and keep the old one until
 * no row is sealed with it: rows are sealed again when next written (a signing secret rotation) or by the
 * `reseal-webhook-secrets` command ({@link sealedWith} tells which rows need it). A legacy plaintext secret
 * (`whsec_…`, stored before secrets were sealed) opens as itself until then.
 */
export class SecretBox {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly sealingKey: SecretBoxKey;

  /** @param keys - The first seals, every one opens. */
  constructor(keys: readonly SecretBoxKey[]) {
    if (keys.length === 0) throw new Error('A SecretBox needs at least one key.');
    for (const { id, key } of keys) {
      if (!SECRET_BOX_KEY_ID.test(id)) throw new Error(`SecretBox key id "${id}" must be 1 to 32 letters, digits, "_" or "-".`);
      if (key.length !== SECRET_BOX_KEY_BYTES) throw new Error(`SecretBox key "${id}" is ${key.length} bytes; it must be ${SECRET_BOX_KEY_BYTES}.`);
    }
    if (new Set(keys.map(({ id }) => id)).size !== keys.length) throw new Error('SecretBox key ids must be distinct.');
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    this.sealingKey = keys[0];
  }

  /** The id of the first key, the one {@link seal} uses and writes into every value it seals. */
  get sealingKeyId(): string {
    return this.sealingKey.id;
  }

  /**
   * The id of the key `stored` is sealed with, read from the value without decrypting it, whether or not that key is
   * configured; undefined for a legacy `whsec_…` secret stored in clear. Throws the {@link SecretBoxError} that
   * {@link open} throws when the value is malformed.
   */
  sealedWith(stored: string): string | undefined {
    if (stored.startsWith(SIGNING_SECRET_PREFIX)) return undefined;
    return parseSealed(stored).keyId;
  }

  /** Encrypts `plaintext` with the first key, under a fresh random IV. */
  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey.key, iv);
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.sealingKey.id, iv.toString('base64url'), sealed.toString('base64url')].join(':');
  }

  /**
   * The plaintext of a value {@link seal} wrote with any configured key, or a legacy `whsec_…` secret as it is.
   * Throws a {@link SecretBoxError} naming the key id (never the value) when the key is not configured, when the
   * value does not open with it (other key material under that id, or an altered value), or when it is malformed.
   */
  open(stored: string): string {
    if (stored.startsWith(SIGNING_SECRET_PREFIX)) return stored;
    const { keyId, ivBytes, sealedBytes } = parseSealed(stored);
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SecretBoxError(`A webhook signing secret is sealed with encryption key "${keyId}", which is not configured; add that key to WEBHOOK_SECRET_KEYS (after the first) to open it.`, { keyId });
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
      decipher.setAuthTag(sealedBytes.subarray(-TAG_BYTES));
      return Buffer.concat([decipher.update(sealedBytes.subarray(0, -TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new SecretBoxError(
        `A webhook signing secret sealed with encryption key "${keyId}" does not open with the configured key of that id: the key material changed, or the stored value was altered.`,
        { keyId, cause },
      );
    }
  }
}

/** Splits a value {@link SecretBox.seal} wrote; throws a {@link SecretBoxError} when it is not one. */
function parseSealed(stored: string): { keyId: string; ivBytes: Buffer; sealedBytes: Buffer } {
  const [version, keyId, iv, sealed, ...rest] = stored.split(':');
  const ivBytes = Buffer.from(iv ?? '', 'base64url');
  const sealedBytes = Buffer.from(sealed ?? '', 'base64url');
  if (version !== VERSION || rest.length > 0 || ivBytes.length !== IV_BYTES || sealedBytes.length < TAG_BYTES) {
    throw new SecretBoxError('A stored webhook signing secret is neither sealed (v1:<keyId>:…) nor a whsec_ secret; a rotation with keepPreviousForHours: 0 replaces it.');
  }
  return { keyId, ivBytes, sealedBytes };
}
