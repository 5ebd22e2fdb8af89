import { useGenericAuth, type ValidateUserFnParams } from '@envelop/generic-auth';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import { getOperationAST, GraphQLError, print, type DocumentNode } from 'graphql';
import type { ApiKeyPrincipals } from '../identity/api-key-principals';
import { resolveCaller } from '../identity/resolve-caller';

/** Options of {@link useApiKeyAuth}. */
export interface UseApiKeyAuthOptions {
  /** Resolves keys to principals. */
  principals: ApiKeyPrincipals;
}

/** Where the caller's principal lives in the gateway's context. */
export const PRINCIPAL_CONTEXT_FIELD = 'principal';

/** The gateway context as far as identity goes. */
export interface PrincipalContext {
  /** The caller; the public when no key was sent. */
  [PRINCIPAL_CONTEXT_FIELD]?: Principal;
}

/**
 * Knows who is calling: a key in `Authorization: Bearer …` or `x-api-key` (or the same names in a WebSocket's
 * `connectionParams`) becomes the key's principal; no key is the public. A key that is malformed, unknown, revoked
 * or expired is refused with 401 `UNAUTHENTICATED` rather than quietly treated as the public. Then it enforces
 * the supergraph's `@authenticated` and `@requiresScopes` before anything reaches a subgraph.
 */
export function useApiKeyAuth({ principals }: UseApiKeyAuthOptions): GatewayPlugin {
  const auth = useGenericAuth<Principal, Record<string, unknown>, typeof PRINCIPAL_CONTEXT_FIELD>({
    mode: 'protect-granular',
    contextFieldName: PRINCIPAL_CONTEXT_FIELD,
    async resolveUserFn(context) {
      const request = context.request as Request | undefined;
      if (!request) return PUBLIC_PRINCIPAL;
      const caller = await resolveCaller(request, principals);
      if ('principal' in caller) return caller.principal;
      if (caller.code === ErrorCode.UPSTREAM_UNAVAILABLE) throw new GraphQLError(caller.refusal, { extensions: { code: caller.code, http: { status: 503 } } });
      throw new GraphQLError(caller.refusal, {
        extensions: { code: caller.code, http: { status: 401, headers: { 'www-authenticate': 'Bearer realm="junction"' } } },
      });
    },
    extractScopes: (principal) => [...(principal.scopes ?? [])],
    validateUser: checkField,
    // Leave out only the fields the caller may not have, with an error each; the rest of the answer still comes.
    rejectUnauthenticated: false,
  });
  const authorizedDocuments = new AuthorizedDocuments();
  return {
    onPluginInit({ addPlugin }) {
      // Added plugins run after this one: its onExecute sees the document before fields are left out.
      addPlugin(auth as Parameters<typeof addPlugin>[0]);
    },
    onExecute({ args: { document: parsed }, executeFn, setExecuteFn }) {
      // Wrapped, as the fields are left out in an onExecute: the wrapper sees the document that is executed.
      setExecuteFn((args) => {
        const document = authorizedDocuments.canonical(parsed, args.document);
        // An operation whose every field was left out is answered without planning (the query planner refuses an
        // empty selection set): its errors then null the fields they name.
        if (getOperationAST(document, args.operationName)?.selectionSet.selections.length === 0) return { data: {} };
        return executeFn({ ...args, document });
      });
    },
  };
}

/** How many differently authorized versions of one parsed document are kept. */
const MAX_AUTHORIZED_VERSIONS = 16;

/**
 * Hands the query planner the same document object for the same authorized operation. The planner caches plans by
 * document object, and generic-auth copies every document it checks, even when it leaves nothing out: without this,
 * every request would be planned anew. A copy that left nothing out shares its selection sets with the parsed
 * document (so the parsed document stands for it); one that left fields out is kept per parsed document and text.
 */
class AuthorizedDocuments {
  private readonly versions = new WeakMap<DocumentNode, Map<string, DocumentNode>>();

  canonical(parsed: DocumentNode, authorized: DocumentNode): DocumentNode {
    if (authorized === parsed || sameSelections(parsed, authorized)) return parsed;
    let versions = this.versions.get(parsed);
    if (!versions) this.versions.set(parsed, (versions = new Map()));
    const text = print(authorized);
    const known = versions.get(text);
    if (known) return known;
    if (versions.size >= MAX_AUTHORIZED_VERSIONS) versions.delete(versions.keys().next().value!);
    versions.set(text, authorized);
    return authorized;
  }
}

/** Whether `copy` has `original`'s definitions with the very same selection sets: nothing was left out. */
function sameSelections(original: DocumentNode, copy: DocumentNode): boolean {
  if (copy.definitions.length !== original.definitions.length) return false;
  return copy.definitions.every((definition, index) => {
    const counterpart = original.definitions[index];
    return 'selectionSet' in definition && 'selectionSet' in counterpart && definition.selectionSet === counterpart.selectionSet;
  });
}

/** Checks one selected field against its `@authenticated` / `@requiresScopes` and its type's. */
function checkField({ user, fieldNode, parentType, field, fieldAuthArgs, typeAuthArgs, fieldScopes, typeScopes, userScopes, path }: ValidateUserFnParams<Principal>): GraphQLError | void {
  const coordinate = `${parentType.name}.${field.name}`;
  // generic-auth marks list positions with '@'; the response path has no such key.
  const responsePath = path.filter((segment) => segment !== '@');
  const requiredScopes = [...(typeScopes ?? []), ...(fieldScopes ?? [])];
  const needsKey = Boolean(fieldAuthArgs || typeAuthArgs) || requiredScopes.length > 0;
  if (needsKey && (!user || user.role === 'PUBLIC')) {
    return new GraphQLError(`${coordinate} needs an API key; send one as "Authorization: Bearer <key>".`, {
      nodes: [fieldNode],
      path: responsePath,
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  for (const alternatives of [typeScopes, fieldScopes]) {
    if (!alternatives?.length) continue;
    if (alternatives.some((all) => all.every((scope) => userScopes.includes(scope)))) continue;
    const needed = alternatives.map((all) => all.join(' and ')).join(' or ');
    return new GraphQLError(`${coordinate} needs a key with the scope ${needed}; ask an operator for a key with it.`, {
      nodes: [fieldNode],
      path: responsePath,
      extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
}
