import { PageArgs, requireRole, requireScope, type Page, type Principal } from '@junction/federation';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { PartnerEntity } from '../entities/partner.entity';
import type { ApiKeyRepository, CreatedApiKeyRecord } from '../repositories/api-key.repository';
import { apiKeyStatus } from '../rules/api-key-status';
import { ApiKey, ApiKeyConnection } from '../types/api-key';
import { CreateApiKeyInput } from '../types/api-key-inputs';
import { CreatedApiKey } from '../types/created-api-key';
import { ApiKeyRole, ApiKeyStatus } from '../types/enums';
import { Partner } from '../types/partner';

/** The scope that lets a key create and revoke keys. */
const MANAGE_KEYS_SCOPE = 'keys:manage';

/** Declares the scope in the SDL too, so the gateway refuses a key without it before planning. */
const REQUIRES_MANAGE_KEYS = `@requiresScopes(scopes: [["${MANAGE_KEYS_SCOPE}"]])`;

/** Who created a key, as recorded on it: the creating key, or `service` for a caller with no key. */
const creator = (principal: Principal) => principal.keyId ?? 'service';

/**
 * The scopes a caller may give a new key: a key (of any role, ADMIN too, since scopes narrow every key) gives only
 * scopes it holds, so a narrowed key cannot mint a wider one; a service identity, which presents no key, any.
 */
const grantableScopes = (principal: Principal) => (principal.keyId === undefined ? undefined : (principal.scopes ?? []));

/** API keys: operators create, list and revoke them; a partner sees its own through `Partner.apiKeys`. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Directive('@authenticated')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])')
  @Query(() => ApiKeyConnection, {
    description: "Every API key, the ecosystem team's and partners', newest first. Operators only.",
  })
  apiKeys(
    @Ctx() { principal }: PartnersContext,
    @Args() { first, after }: PageArgs,
    @Arg('role', () => ApiKeyRole, { nullable: true, description: 'Only keys with this role.' }) role?: ApiKeyRole | null,
    @Arg('includeRevoked', { defaultValue: false, description: 'Revoked keys too.' }) includeRevoked: boolean = false,
  ): Promise<Page<ApiKeyEntity>> {
    requireRole(principal, 'OPERATOR', 'list API keys');
    return this.keys.findPage({ role, includeRevoked }, first, after);
  }

  @Directive(REQUIRES_MANAGE_KEYS)
  @Mutation(() => CreatedApiKey, {
    description:
      'Creates an API key and returns it this once (only its hash is stored). Operators with the keys:manage scope; ' +
      'ADMIN keys only by admins.',
  })
  createApiKey(@Ctx() { principal }: PartnersContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput): Promise<CreatedApiKeyRecord> {
    requireRole(principal, 'OPERATOR', 'create API keys');
    requireScope(principal, MANAGE_KEYS_SCOPE, 'create API keys');
    if (input.role === ApiKeyRole.ADMIN) requireRole(principal, 'ADMIN', 'create ADMIN keys');
    return this.keys.create(input, creator(principal), { grantableScopes: grantableScopes(principal) });
  }

  @Directive(REQUIRES_MANAGE_KEYS)
  @Mutation(() => ApiKey, {
    description:
      'Revokes an API key for good; revoking a revoked key returns it unchanged. Operators with the keys:manage ' +
      'scope; ADMIN keys only by admins.',
  })
  revokeApiKey(@Ctx() { principal }: PartnersContext, @Arg('id', () => ID) id: string): Promise<ApiKeyEntity> {
    requireRole(principal, 'OPERATOR', 'revoke API keys');
    requireScope(principal, MANAGE_KEYS_SCOPE, 'revoke API keys');
    return this.keys.revoke(id, (key) => {
      if (key.role === ApiKeyRole.ADMIN) requireRole(principal, 'ADMIN', 'revoke ADMIN keys');
    });
  }

  @FieldResolver(() => ApiKeyStatus, { description: 'REVOKED once revoked, EXPIRED once expiresAt has passed, ACTIVE otherwise.' })
  status(@Root() key: ApiKeyEntity): ApiKeyStatus {
    return apiKeyStatus(key, new Date());
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner a PARTNER key acts for; null for OPERATOR and ADMIN keys.' })
  async partner(@Root() key: ApiKeyEntity, @Ctx() { loaders }: PartnersContext): Promise<PartnerEntity | null> {
    return key.partnerId ? loaders.partnerById.load(key.partnerId) : null;
  }
}
