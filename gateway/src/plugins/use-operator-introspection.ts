import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import { hasRole, PUBLIC_PRINCIPAL } from '@junction/federation/identity';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, type FieldNode } from 'graphql';
import type { PrincipalContext } from './use-api-key-auth';

/**
 * Introspection for operators only (`GATEWAY_INTROSPECTION=operators`): an operation that selects `__schema` or
 * `__type` runs only for an OPERATOR or ADMIN key; without a key it is refused with 401 `UNAUTHENTICATED`, with
 * another key with 403 `FORBIDDEN`. `__typename` stays free. The check runs once the caller is known, which is
 * after validation, so the runtime's `disableIntrospection` (a validation rule) cannot make it; `off` uses that.
 */
export function useOperatorIntrospection(): GatewayPlugin<PrincipalContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const principal = (args.contextValue as PrincipalContext).principal ?? PUBLIC_PRINCIPAL;
      if (hasRole(principal, 'OPERATOR')) return;
      const [introspection] = validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]);
      if (!introspection) return;
      const field = (introspection.nodes?.[0] as FieldNode | undefined)?.name.value ?? '__schema';
      const error =
        principal.role === 'PUBLIC'
          ? new GraphQLError(`Introspection (${field}) needs an OPERATOR or ADMIN API key; send one as "Authorization: Bearer <key>".`, {
              extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: { 'www-authenticate': 'Bearer realm="junction"' } } },
            })
          : new GraphQLError(`Introspection (${field}) is open to OPERATOR and ADMIN keys only; the schema is published as schema/supergraph.graphql.`, {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            });
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
