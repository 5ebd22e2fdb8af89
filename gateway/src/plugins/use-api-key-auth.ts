import { useGenericAuth, type ValidateUserFnParams } from '@envelop/generic-auth';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { PUBLIC_PRINCIPAL, type Principal } from '@junction/federation/identity';
import { getOperationAST, GraphQLError } from 'graphql';
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
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(auth as Parameters<typeof addPlugin>[0]);
    },
    // An operation whose every field was left out is answered without planning (the query planner refuses an empty
    // selection set): its errors then null the fields they name. Wrapped, as the fields are left out in an onExecute.
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => (getOperationAST(args.document, args.operationName)?.selectionSet.selections.length === 0 ? { data: {} } : executeFn(args)));
    },
  };
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
