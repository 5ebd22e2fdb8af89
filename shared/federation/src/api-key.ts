import { createHash, randomBytes } from 'node:crypto';

/** What every Junction API key starts with, so a leaked key is recognisable (and secret scanners can match it). */
export const API_KEY_PREFIX = 'jct';

/**
 * The shape of an API key: `jct_`, an 8-character public prefix (lower-case base32hex: `0-9a-v`) that names the
 * key in lists and logs, `_`, and 43 characters of base64url carrying 32 random bytes (256 bits).
 */
export const API_KEY_PATTERN = /^jct_([0-9a-v]{8})_([A-Za-z0-9_-]{43})$/;

/** The shape of a key's stored hash: SHA-256, 64 lower-case hex characters. */
export const API_KEY_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** How many key hashes one `apiKeyPrincipals` question to the partners subgraph may carry. */
export const MAX_API_KEY_HASHES_PER_LOOKUP = 100;

/** A freshly generated API key. */
export interface GeneratedApiKey {
  /** The whole key, e.g. `jct_0k3m9q2v_…`: shown to its holder once and never stored. */
  secret: string;
  /** The key's public prefix, e.g. `0k3m9q2v`: stored, listed, safe to log. */
  prefix: string;
}

/** A string that has the shape of an API key. */
export interface ParsedApiKey {
  /** The whole key, as given. */
  secret: string;
  /** Its public prefix. */
  prefix: string;
}

/**
 * Generates an API key from the operating system's CSPRNG: 40 random bits for the public prefix, 256 for the
 * secret part.
 */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(5).readUIntBE(0, 5).toString(32).padStart(8, '0');
  const secret = `${API_KEY_PREFIX}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix };
}

/**
 * The hash an API key is stored and looked up by: SHA-256, hex. Keys carry 256 random bits, so a fast unsalted
 * hash is enough (there is nothing to guess by brute force) and lets the key be found by its hash in one indexed
 * lookup.
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The key and its prefix when `text` has the shape of an API key; null otherwise, so garbage never reaches a lookup. */
export function parseApiKey(text: string): ParsedApiKey | null {
  const match = API_KEY_PATTERN.exec(text);
  return match ? { secret: text, prefix: match[1] } : null;
}
