import { BaseError, ErrorCode } from '@junction/errors';
import { createMethodMiddlewareDecorator, Directive } from 'type-graphql';
import { hasRole, type KeyScope, type Principal, type Role } from './principal';

/** What a field needs of its caller. */
export interface RequiresAccessParameters {
  /** The least role. @default 'PARTNER' (any key) */
  role?: Exclude<Role, 'PUBLIC'>;
  /** The scope the caller's key must hold; none when omitted. */
  scope?: KeyScope;
}

/**
 * Marks a query or mutation field as needing a key, declared twice on purpose: in the SDL (`@authenticated`, or
 * `@requiresScopes` with `scope`), which the gateway enforces before planning, and as a resolver middleware, which
 * the subgraph enforces itself whatever reached it (defence in depth). A public caller gets `UNAUTHENTICATED`, a
 * key without the role or scope `FORBIDDEN`.
 */
export function RequiresAccess({ role = 'PARTNER', scope }: RequiresAccessParameters = {}): MethodDecorator {
  const directive = Directive(scope ? `@requiresScopes(scopes: [["${scope}"]])` : '@authenticated');
  const check = createMethodMiddlewareDecorator<{ principal: Principal }>(({ context, info }, next) => {
    checkAccess(context.principal, { role, scope }, `${info.parentType.name}.${info.fieldName}`);
    return next();
  });
  return (target, key, descriptor) => {
    directive(target, key, descriptor);
    check(target, key, descriptor);
  };
}

/** Throws unless `principal` has `role` and `scope`; `what` names the field in the message. */
export function checkAccess(principal: Principal, { role = 'PARTNER', scope }: RequiresAccessParameters, what: string): void {
  if (principal.role === 'PUBLIC') {
    throw new BaseError(`${what} needs an API key; send one as "Authorization: Bearer <key>".`, { code: ErrorCode.UNAUTHENTICATED });
  }
  if (!hasRole(principal, role)) {
    throw new BaseError(`${what} needs a key with the role ${role} or above; yours is ${principal.role}.`, {
      code: ErrorCode.FORBIDDEN,
      details: { role: principal.role, required: role },
    });
  }
  if (scope && !principal.scopes?.includes(scope)) {
    throw new BaseError(`${what} needs a key with the scope ${scope}; ask an operator for a key with it.`, {
      code: ErrorCode.FORBIDDEN,
      details: { required: scope },
    });
  }
}
