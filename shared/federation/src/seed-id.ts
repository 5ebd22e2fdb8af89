import { createHash } from 'node:crypto';

/**
 * A deterministic UUID (version 5 layout, SHA-1 based) for a seeded record, so that every service's seed can
 * refer to another service's seeded entities without asking it: `seedId('chain', 'ethereum')` is the same
 * everywhere.
 */
export function seedId(kind: string, slug: string): string {
  const hash = createHash('sha1').update(`junction:${kind}:${slug}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
