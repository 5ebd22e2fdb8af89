/**
 * Who is calling, without the subgraph machinery: principals, roles and scopes, API keys, the signed principal
 * header and the tag that marks what varies by caller. The gateway imports this entry
 * (`@junction/federation/identity`), so it does not load type-graphql, TypeORM, viem and Apollo Server, which only
 * the subgraphs need; the package's main entry re-exports all of it.
 */
export {
  canSeePartnerPrivate,
  DEFAULT_SCOPES,
  hasRole,
  KEY_SCOPES,
  PUBLIC_PRINCIPAL,
  requirePartnerPrivateAccess,
  requireRole,
  requireScope,
  RESOLVE_KEYS_SCOPE,
  ROLES,
  type KeyScope,
  type Principal,
  type Role,
} from './principal';
export {
  API_KEY_HASH_PATTERN,
  MAX_API_KEY_HASHES_PER_LOOKUP,
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  generateApiKey,
  hashApiKey,
  parseApiKey,
  type GeneratedApiKey,
  type ParsedApiKey,
} from './api-key';
export {
  PRINCIPAL_HEADER,
  SIGNATURE_HEADER,
  signPrincipal,
  verifyPrincipal,
  type SignPrincipalParameters,
  type VerifyPrincipalParameters,
} from './principal-header';
export { VARIES_BY_CALLER_TAG } from './varies-by-caller-tag';
