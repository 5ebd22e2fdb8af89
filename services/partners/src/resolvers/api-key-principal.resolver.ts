import { BadUserInputError } from '@junction/errors';
import { API_KEY_HASH_PATTERN, requireScope, RESOLVE_KEYS_SCOPE } from '@junction/federation';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ApiKeyRepository } from '../repositories/api-key.repository';
import { ApiKeyPrincipal } from '../types/api-key-principal';
import type { ApiKeyRole } from '../types/enums';

/**
 * Turns an API key's hash into the principal the gateway signs for its holder. `@inaccessible`: composed out of
 * the public API; the gateway calls the partners subgraph directly, under its service identity.
 */
@Resolver(() => ApiKeyPrincipal)
export class ApiKeyPrincipalResolver {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Directive('@inaccessible')
  @Query(() => ApiKeyPrincipal, {
    nullable: true,
    description:
      'Who the key with this SHA-256 hash makes its holder; null when no working key has it (unknown, revoked, ' +
      "expired, or its partner archived). Records the key's use. Needs the keys:resolve scope (the gateway).",
  })
  async apiKeyPrincipal(@Ctx() { principal }: PartnersContext, @Arg('hash') hash: string): Promise<ApiKeyPrincipal | null> {
    requireScope(principal, RESOLVE_KEYS_SCOPE, 'resolve API keys');
    if (!API_KEY_HASH_PATTERN.test(hash)) {
      throw new BadUserInputError([{ field: 'hash', message: 'must be the SHA-256 of the key, as 64 lower-case hex characters' }]);
    }
    const key = await this.keys.resolve(hash);
    if (!key) return null;
    return { keyId: key.id, role: key.role as ApiKeyRole, partnerId: key.partnerId, scopes: key.scopes, expiresAt: key.expiresAt };
  }
}
