import { isAsyncIterable } from '@graphql-tools/utils';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { GraphQLError } from 'graphql';
import type { ApqStore } from '../persisted-documents/apq-store';
import { digestDocument } from '../persisted-documents/document-digest';
import type { TrustedDocumentsMode } from '../persisted-documents/persisted-documents-config';
import type { TrustedDocuments } from '../persisted-documents/trusted-documents';

/** Options of {@link usePersistedDocuments}. */
export interface UsePersistedDocumentsOptions {
  /** The registered operations; without them, no `documentId` is known. @default undefined */
  trustedDocuments?: TrustedDocuments;
  /**
   * `enforce`: only registered operations run, except for callers {@link maySendAnyDocument} lets through, and no
   * operation is stored by APQ; `allow`: registered operations are found by id or hash, and any document runs.
   * @default 'allow'
   */
  mode?: TrustedDocumentsMode;
  /** Where APQ keeps the queries clients register; without it APQ is off. @default undefined */
  apqStore?: ApqStore;
  /**
   * Whether the request's caller may send any document although trusted documents are enforced. The gateway lets
   * OPERATOR and ADMIN keys through, and the refusal tells partners so.
   */
  maySendAnyDocument: (request: Request) => Promise<boolean>;
}

/** A query to store by APQ once its operation has run, by request. */
interface PendingRegistration {
  sha256: string;
  query: string;
}

/**
 * Persisted documents, by either protocol, over POST and GET:
 *
 * - **trusted documents**: `{ "documentId": "<hash>" }` (GraphQL over HTTP; `?documentId=` on GET) runs the
 *   registered operation with that id; in `enforce` mode nothing else runs, except for callers
 *   `maySendAnyDocument` admits (OPERATOR and ADMIN keys), and a query sent as text runs only when it is, to the
 *   character, a registered one. Refusals are `PERSISTED_QUERY_ONLY` (403) and `PERSISTED_QUERY_NOT_FOUND` (404).
 * - **APQ** (Apollo's automatic persisted queries): `extensions.persistedQuery: { version: 1, sha256Hash }` without
 *   a query runs the registered or stored query with that SHA-256, else answers `PersistedQueryNotFound`
 *   (`PERSISTED_QUERY_NOT_FOUND`; `PersistedQueryNotSupported` when APQ is off); the client then sends the hash with
 *   the query, which must match (`PERSISTED_QUERY_MISMATCH`) and is stored once it has run (so it validated). Those two
 *   messages are the protocol's words, which Apollo Client and urql match on, not sentences: the client acts on
 *   them, not a person. In `enforce` mode APQ stores nothing, and a hash that is not registered gets a sentence
 *   instead, since sending the query would be refused too (unless the caller may send any document).
 *
 * One plugin rather than the runtime's `persistedDocuments` with Yoga's APQ plugin beside it: the runtime's refuses
 * every request with a query before APQ could see it, cannot tell an APQ hash from a `documentId`, and its errors
 * cannot depend on the caller; Yoga's stores the query again on every hit, and before it has validated.
 */
export function usePersistedDocuments({ trustedDocuments, mode = 'allow', apqStore, maySendAnyDocument }: UsePersistedDocumentsOptions): GatewayPlugin {
  const manifest = mode === 'enforce' ? trustedDocuments : undefined;
  const enforced = manifest !== undefined;
  const store = enforced ? undefined : apqStore;
  const pending = new WeakMap<Request, PendingRegistration>();

  return {
    async onParams({ params, request, setParams }) {
      const documentId = readDocumentId(params as Record<string, unknown>, request);
      const sha256Hash = readApqHash(params.extensions);
      const { query, operationName, variables, extensions } = params;
      if (typeof query === 'string') {
        if (documentId !== undefined) throw badRequest('Send either "query" or "documentId", not both.');
        // Only an APQ hash to check or a manifest to enforce needs the query's hash.
        if (sha256Hash === undefined && !manifest) return;
        const queryHash = digestDocument(query);
        if (sha256Hash !== undefined && sha256Hash.toLowerCase() !== queryHash) throw mismatch(sha256Hash, queryHash);
        if (manifest) {
          if (manifest.get(queryHash) === query || (await maySendAnyDocument(request))) return;
          throw persistedQueryOnly(sha256Hash !== undefined);
        }
        if (sha256Hash !== undefined && store && trustedDocuments?.get(queryHash) === undefined) pending.set(request, { sha256: queryHash, query });
        return;
      }
      if (query != null) return; // Not a string: the runtime refuses it with its own message.
      if (documentId !== undefined) {
        const document = trustedDocuments?.get(documentId);
        if (document === undefined) throw documentNotFound(documentId, trustedDocuments !== undefined, enforced);
        setParams({ query: document, operationName, variables, extensions });
        return;
      }
      if (sha256Hash === undefined) return; // Neither: the runtime asks for a query.
      const document = trustedDocuments?.get(sha256Hash) ?? (await store?.get(sha256Hash.toLowerCase()));
      if (document !== undefined) {
        setParams({ query: document, operationName, variables, extensions });
        return;
      }
      if (enforced && !(await maySendAnyDocument(request))) throw hashNotRegistered(sha256Hash);
      throw store !== undefined || enforced ? apqNotFound() : apqNotSupported();
    },
    async onExecutionResult({ request, result }) {
      // Stored once the operation ran, or was answered from the response cache (it ran before): it has validated.
      // A request refused before that (invalid, unauthenticated, rate limited) has no `data` and stores nothing.
      const registration = pending.get(request);
      if (!registration || !store) return;
      pending.delete(request);
      if (result === undefined || (!isAsyncIterable(result) && !('data' in result))) return;
      await store.set(registration.sha256, registration.query);
    },
  };
}


/** The request's `documentId`: a body parameter, or a URL parameter on GET. */
function readDocumentId(params: Record<string, unknown>, request: Request): string | undefined {
  const documentId = params.documentId ?? new URL(request.url, 'http://localhost').searchParams.get('documentId') ?? undefined;
  if (documentId === undefined || documentId === null) return undefined;
  if (typeof documentId !== 'string' || documentId === '') throw badRequest('"documentId" must be the id of a registered operation, as a string.');
  return documentId;
}

/** The hash of Apollo's `persistedQuery` extension (version 1), if the request has one. */
function readApqHash(extensions: Record<string, unknown> | undefined): string | undefined {
  const persistedQuery = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persistedQuery === undefined || persistedQuery === null) return undefined;
  if (persistedQuery.version !== 1 || typeof persistedQuery.sha256Hash !== 'string') {
    throw badRequest('extensions.persistedQuery must be { "version": 1, "sha256Hash": "<SHA-256 of the query, hex>" }.');
  }
  return persistedQuery.sha256Hash;
}

function error(message: string, code: ErrorCode, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

function badRequest(message: string): GraphQLError {
  return error(message, ErrorCode.BAD_REQUEST, 400);
}

function mismatch(sent: string, actual: string): GraphQLError {
  return error(
    `extensions.persistedQuery.sha256Hash is ${sent}, but the query's SHA-256 is ${actual}; send the hex SHA-256 of the exact query text (UTF-8) you send.`,
    ErrorCode.PERSISTED_QUERY_MISMATCH,
    400,
  );
}

function persistedQueryOnly(apq: boolean): GraphQLError {
  const what = apq ? 'Operations cannot be registered by APQ here' : 'This gateway runs registered operations only';
  return error(
    `${what}: send the id of an operation in its trusted documents manifest as "documentId" (or its SHA-256 as extensions.persistedQuery.sha256Hash) instead of the query text, and have new operations added to the manifest. OPERATOR and ADMIN API keys may send any query.`,
    ErrorCode.PERSISTED_QUERY_ONLY,
    403,
  );
}

function documentNotFound(documentId: string, hasManifest: boolean, enforced: boolean): GraphQLError {
  if (!hasManifest) {
    return error('This gateway has no registered operations, so it knows no "documentId"; send the operation\'s text as "query".', ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, 400);
  }
  const otherwise = enforced ? 'have the operation added to the manifest' : 'send the operation\'s text as "query"';
  return error(
    `No registered operation has the documentId "${documentId}"; send the id of an operation in the gateway's trusted documents manifest, or ${otherwise}.`,
    ErrorCode.PERSISTED_QUERY_NOT_FOUND,
    404,
  );
}

function hashNotRegistered(sha256Hash: string): GraphQLError {
  return error(
    `No registered operation has the SHA-256 ${sha256Hash}, and this gateway runs registered operations only; send the hash of an operation in its trusted documents manifest, or have the operation added to it.`,
    ErrorCode.PERSISTED_QUERY_NOT_FOUND,
    404,
  );
}

function apqNotFound(): GraphQLError {
  return error('PersistedQueryNotFound', ErrorCode.PERSISTED_QUERY_NOT_FOUND, 404);
}

function apqNotSupported(): GraphQLError {
  return error('PersistedQueryNotSupported', ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, 400);
}
