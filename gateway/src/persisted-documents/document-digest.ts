import { createHash } from 'node:crypto';

/** The hash functions a document id may be the hex digest of, by the digest's length in hex digits. */
const ALGORITHMS: Readonly<Record<number, DocumentDigestAlgorithm>> = { 64: 'sha256', 40: 'sha1', 32: 'md5' };

/**
 * The hashes a trusted document's id may be: SHA-256 (Apollo's persisted query manifests and APQ, graphql-codegen
 * with `hashAlgorithm: 'sha256'`, Hive), SHA-1 (graphql-codegen's client preset by default) or MD5 (the Relay
 * compiler by default).
 */
export type DocumentDigestAlgorithm = 'sha256' | 'sha1' | 'md5';

/** A document id taken apart: the hash function and its lowercase hex digest. */
export interface DocumentDigest {
  /** The hash function, told by the digest's length (64, 40 or 32 hex digits). */
  algorithm: DocumentDigestAlgorithm;
  /** The digest, lowercase hex. */
  hex: string;
}

/**
 * Reads a document id: a hex digest of the document by SHA-256, SHA-1 or MD5, optionally prefixed with its
 * algorithm as in GraphQL over HTTP's persisted documents (`sha256:3a6f…`). Returns null for anything else,
 * including a prefix that does not fit the digest's length.
 */
export function parseDocumentDigest(id: string): DocumentDigest | null {
  const match = /^(?:(sha256|sha1|md5):)?([0-9a-fA-F]+)$/.exec(id);
  if (!match) return null;
  const algorithm = ALGORITHMS[match[2].length];
  if (!algorithm || (match[1] !== undefined && match[1] !== algorithm)) return null;
  return { algorithm, hex: match[2].toLowerCase() };
}

/** The lowercase hex digest of a document's exact text (UTF-8), as clients compute it. */
export function digestDocument(document: string, algorithm: DocumentDigestAlgorithm = 'sha256'): string {
  return createHash(algorithm).update(document, 'utf8').digest('hex');
}
