import { parseDocumentDigest } from './document-digest';

/**
 * The operations registered in a trusted documents manifest (see `readTrustedDocuments`). Each is found by the id
 * it has in the manifest and by its SHA-256 (what APQ clients send), whichever hash the manifest was keyed by.
 */
export class TrustedDocuments {
  /** The manifest file they were read from. */
  readonly file: string;
  /** Documents by lowercase hex digest: their manifest id and their SHA-256. */
  readonly #byDigest: ReadonlyMap<string, string>;
  /** How many operations the manifest registers. */
  readonly size: number;

  /**
   * @param file the manifest file.
   * @param documents each document under its manifest id and its SHA-256 (lowercase hex digests).
   * @param size how many entries the manifest has.
   */
  constructor(file: string, documents: ReadonlyMap<string, string>, size: number) {
    this.file = file;
    this.#byDigest = documents;
    this.size = size;
  }

  /** The document registered as `id` (a hex digest, optionally prefixed `sha256:` …), if there is one. */
  get(id: string): string | undefined {
    const digest = parseDocumentDigest(id);
    return digest ? this.#byDigest.get(digest.hex) : undefined;
  }
}
