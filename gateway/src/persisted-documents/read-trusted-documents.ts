import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApiSchema } from './build-api-schema';
import { digestDocument, parseDocumentDigest, type DocumentDigestAlgorithm } from './document-digest';
import { TrustedDocuments } from './trusted-documents';
import { TrustedDocumentsManifestError } from './trusted-documents-manifest-error';

/** Parameters of {@link readTrustedDocuments}. */
export interface ReadTrustedDocumentsParameters {
  /** The manifest file (JSON), relative to the working directory. */
  path: string;
  /** The supergraph SDL: every document must validate against the schema clients see through it. */
  supergraph: string;
}

/** One entry of a manifest, whatever its format. */
interface ManifestEntry {
  /** How a problem names the entry: `"<id>"`, or its position when it has no usable id. */
  label: string;
  id: unknown;
  document: unknown;
}

/** The `format` of Apollo's persisted query manifests (`@apollo/generate-persisted-query-manifest`). */
const APOLLO_FORMAT = 'apollo-persisted-query-manifest';

/** How a problem names each hash function. */
const ALGORITHM_NAMES: Readonly<Record<DocumentDigestAlgorithm, string>> = { sha256: 'SHA-256', sha1: 'SHA-1', md5: 'MD5' };

/**
 * Reads a trusted documents manifest and checks every entry before the gateway serves anything. Two formats are
 * read:
 *
 * - a JSON object `{ "<hash>": "<document>" }`, as graphql-codegen's client preset (`persistedDocuments`), the
 *   Relay compiler (`persistConfig`) and Hive app deployments write it;
 * - Apollo's persisted query manifest, `{ "format": "apollo-persisted-query-manifest", "version": 1,
 *   "operations": [{ "id", "name", "type", "body" }] }`.
 *
 * Each key (or `id`) must be the hex SHA-256, SHA-1 or MD5 digest of its document's exact text (optionally
 * prefixed `sha256:` …), and each document must parse and validate against the supergraph's API schema. Every problem is collected
 * and thrown at once as a {@link TrustedDocumentsManifestError} naming the entries.
 */
export function readTrustedDocuments({ path, supergraph }: ReadTrustedDocumentsParameters): TrustedDocuments {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new TrustedDocumentsManifestError({ file, problems: [`it cannot be read (${(cause as NodeJS.ErrnoException).code ?? String(cause)}).`], cause });
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (cause) {
    throw new TrustedDocumentsManifestError({ file, problems: [`it is not JSON (${(cause as Error).message}).`], cause });
  }
  const entries = manifestEntries(manifest);
  if (typeof entries === 'string') throw new TrustedDocumentsManifestError({ file, problems: [entries] });
  if (entries.length === 0) throw new TrustedDocumentsManifestError({ file, problems: ['it registers no operation, so every request would be refused.'] });

  const schema = buildApiSchema(supergraph);
  const documents = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const problem = checkEntry(entry, schema);
    if (problem) {
      problems.push(`entry ${entry.label}: ${problem}`);
      continue;
    }
    const document = entry.document as string;
    documents.set(parseDocumentDigest(entry.id as string)!.hex, document);
    documents.set(digestDocument(document), document);
  }
  if (problems.length > 0) throw new TrustedDocumentsManifestError({ file, problems });
  return new TrustedDocuments(file, documents, entries.length);
}

/** The entries of either format, or the problem with the file's shape as a sentence. */
function manifestEntries(manifest: unknown): ManifestEntry[] | string {
  const shape = `it must be a JSON object of "<hash>": "<document>" entries, or an Apollo persisted query manifest ({ "format": "${APOLLO_FORMAT}", "version": 1, "operations": [...] }).`;
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return shape;
  const record = manifest as Record<string, unknown>;
  if (!('format' in record)) return Object.entries(record).map(([id, document]) => ({ label: JSON.stringify(id), id, document }));
  if (record.format !== APOLLO_FORMAT) return `its "format" is ${JSON.stringify(record.format)}; ${shape}`;
  if (record.version !== 1) return `it is version ${JSON.stringify(record.version)} of the Apollo persisted query manifest; only version 1 is read.`;
  if (!Array.isArray(record.operations)) return `its "operations" must be an array of { "id", "body" } objects.`;
  return record.operations.map((operation: unknown, index) => {
    const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
    return { label: typeof id === 'string' ? JSON.stringify(id) : `operations[${index}]`, id, document: body };
  });
}

/** What is wrong with one entry, as a sentence, or undefined when it is good. */
function checkEntry({ id, document }: ManifestEntry, schema: GraphQLSchema): string | undefined {
  if (typeof id !== 'string') return 'it has no "id" string.';
  if (typeof document !== 'string') return 'its document must be the operation\'s text, as a string.';
  const digest = parseDocumentDigest(id);
  if (!digest) return 'the key must be the hex SHA-256 (64 digits), SHA-1 (40) or MD5 (32) digest of its document, optionally prefixed "sha256:".';
  const actual = digestDocument(document, digest.algorithm);
  if (actual !== digest.hex) return `the key is not the ${ALGORITHM_NAMES[digest.algorithm]} of its document (that is ${actual}); the document was changed after it was hashed.`;
  let ast: DocumentNode;
  try {
    ast = parse(document);
  } catch (error) {
    return `the document does not parse: ${error instanceof GraphQLError ? error.message : String(error)}`;
  }
  const errors = validate(schema, ast);
  if (errors.length === 0) return undefined;
  const name = getOperationAST(ast)?.name?.value;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${name ? `operation ${name} ` : 'the document '}is not valid against the supergraph: ${errors[0].message}${more}`;
}
