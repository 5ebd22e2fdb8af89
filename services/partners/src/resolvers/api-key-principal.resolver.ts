import { BadUserInputError } from '@junction/errors';
import { API_KEY_HASH_PATTERN, requireScope, RESOLVE_KEYS_SCOPE, type Principal } from '@junction/federation';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { PartnersContext } from '../context';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { ApiKeyRepository } from '../repositories/api-key.repository';
import { ApiKeyPrincipal } from '../types/api-key-principal';
import type { ApiKeyRole } from '../types/enums';

/** How many hashes one `apiKeyPrincipals` question may carry. */
export const MAX_HASHES_PER_RESOLUTION = 100;

/**
 * Turns API keys' hashes into the principals the gateway signs for their holders. `@inaccessible`: composed out of
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
    const [resolved] = await this.resolve(principal, [hash], 'hash');
    return resolved;
  }

  @Directive('@inaccessible')
  @Query(() => [ApiKeyPrincipal], {
    nullable: 'items',
    description:
      `apiKeyPrincipal for up to ${MAX_HASHES_PER_RESOLUTION} hashes at once, in their order: one question for ` +
      'every key the gateway is checking. Needs the keys:resolve scope (the gateway).',
  })
  async apiKeyPrincipals(@Ctx() { principal }: PartnersContext, @Arg('hashes', () => [String]) hashes: string[]): Promise<Array<ApiKeyPrincipal | null>> {
    return this.resolve(principal, hashes, 'hashes');
  }

  private async resolve(principal: Principal, hashes: string[], field: string): Promise<Array<ApiKeyPrincipal | null>> {
    requireScope(principal, RESOLVE_KEYS_SCOPE, 'resolve API keys');
    if (hashes.length > MAX_HASHES_PER_RESOLUTION) {
      throw new BadUserInputError([{ field, message: `may hold at most ${MAX_HASHES_PER_RESOLUTION} hashes; ask in several questions` }]);
    }
    const malformed = hashes.findIndex((hash) => !API_KEY_HASH_PATTERN.test(hash));
    if (malformed >= 0) {
      const at = field === 'hashes' ? `hashes[${malformed}]` : field;
      throw new BadUserInputError([{ field: at, message: 'must be the SHA-256 of the key, as 64 lower-case hex characters' }]);
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
