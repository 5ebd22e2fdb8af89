import { BadUserInputError } from '@junction/errors';
import { API_KEY_HASH_PATTERN, MAX_API_KEY_HASHES_PER_LOOKUP, requireScope, RESOLVE_KEYS_SCOPE } from '@junction/federation';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { ApiKeyRepository } from '../repositories/api-key.repository';
import { ApiKeyPrincipal } from '../types/api-key-principal';
import type { ApiKeyRole } from '../types/enums';

/**
 * Turns API keys' hashes into the principals the gateway signs for their holders. `@inaccessible`: composed out of
 * the public API; the gateway calls the partners subgraph directly, under its service identity.
 */
@Resolver(() => ApiKeyPrincipal)
export class ApiKeyPrincipalResolver {
  constructor(private readonly keys: ApiKeyRepository) {}

  @Directive('@inaccessible')
  @Query(() => [ApiKeyPrincipal], {
    nullable: 'items',
    description:
      `Who the keys with these SHA-256 hashes (up to ${MAX_API_KEY_HASHES_PER_LOOKUP}) make their holders, in their order; null ` +
      'for a hash no working key has (unknown, revoked, expired, or its partner archived). Records the keys\' use. ' +
      'Needs the keys:resolve scope (the gateway).',
  })
  async apiKeyPrincipals(@Ctx() { principal }: PartnersContext, @Arg('hashes', () => [String]) hashes: string[]): Promise<Array<ApiKeyPrincipal | null>> {
    requireScope(principal, RESOLVE_KEYS_SCOPE, 'resolve API keys');
    if (hashes.length > MAX_API_KEY_HASHES_PER_LOOKUP) {
      throw new BadUserInputError([{ field: 'hashes', message: `may hold at most ${MAX_API_KEY_HASHES_PER_LOOKUP} hashes; ask in several questions` }]);
    }
    const malformed = hashes.findIndex((hash) => !API_KEY_HASH_PATTERN.test(hash));
    if (malformed >= 0) {
      throw new BadUserInputError([{ field: `hashes[${malformed}]`, message: 'must be the SHA-256 of the key, as 64 lower-case hex characters' }]);
    }
    const keys = await this.keys.resolve(hashes);
    return hashes.map((hash) => {
      const key = keys.get(hash);
      return key ? toPrincipal(key) : null;
    });
  }
}

function toPrincipal(key: ApiKeyEntity): ApiKeyPrincipal {
  return { keyId: key.id, role: key.role as ApiKeyRole, partnerId: key.partnerId, scopes: key.scopes, expiresAt: key.expiresAt };
}
