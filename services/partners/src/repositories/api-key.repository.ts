import { isUuid, uniqueViolation, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError } from '@junction/errors';
import { generateApiKey, groupByKeys, hashApiKey, keysetPage, type Page } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { PartnerEntity } from '../entities/partner.entity';
import { apiKeyProblems, apiKeyScopes, type NewApiKey } from '../rules/api-key-input';
import type { ApiKeyRole } from '../types/enums';
import { activePartnerProblems } from './active-partners';

/** How long a recorded last use stands before a resolution records it again. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

/** Keys whose `last_used_at` is due to be recorded again (SQL over the `api_key` columns). */
const LAST_USE_DUE = `(last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION_SECONDS} seconds')`;

/** How often a new key is drawn again when its random prefix collides with an existing key's. */
const PREFIX_ATTEMPTS = 3;

/** Which API keys a list shows. */
export interface ApiKeyListFilter {
  /** Only keys with this role. @default every role */
  role?: ApiKeyRole | null;
  /** Revoked keys too. @default false */
  includeRevoked?: boolean;
}

/** How {@link ApiKeyRepository.create} creates a key. */
export interface CreateApiKeyOptions {
  /**
   * The scopes the creator may give: a key creating a key passes its own, so it can give only scopes it holds
   * (asking for others is refused; omitting the list gives the role's defaults narrowed to these).
   * @default undefined (any scope: the create-key command and service identities)
   */
  grantableScopes?: readonly string[];
  /** The creation time. @default now */
  now?: Date;
}

/** A created key and, this once, the key itself. */
export interface CreatedApiKeyRecord {
  /** The stored key (hash, never the key). */
  apiKey: ApiKeyEntity;
  /** The key itself; not stored anywhere. */
  secret: string;
}

/** Reads and writes API keys. The only code that touches the api_key table. */
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each partner's keys (revoked ones included), newest first. One query. */
  async findByPartnerIds(partnerIds: readonly string[]): Promise<ApiKeyEntity[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource
            .getRepository(ApiKeyEntity)
            .createQueryBuilder('apiKey')
            .where('apiKey.partnerId IN (:...ids)', { ids: valid })
            .orderBy('apiKey.createdAt', 'DESC')
            .addOrderBy('apiKey.id', 'DESC')
            .getMany();
    return groupByKeys(rows, (row) => row.partnerId ?? '', partnerIds);
  }

  /** One page of keys of every partner and of the ecosystem team, newest first. */
  findPage({ role, includeRevoked = false }: ApiKeyListFilter, first: number, after?: string | null): Promise<Page<ApiKeyEntity>> {
    const query = this.dataSource.getRepository(ApiKeyEntity).createQueryBuilder('apiKey');
    if (!includeRevoked) query.andWhere('apiKey.revokedAt IS NULL');
    if (role) query.andWhere('apiKey.role = :role', { role });
    return keysetPage(query, { first, after, orderBy: 'apiKey.createdAt', direction: 'DESC' });
  }

  /**
   * Creates a key after checking the request as a whole (and that a PARTNER key's partner is active); writes
   * nothing when anything is wrong. Only the key's hash is stored; the key itself is returned this once.
   * `createdBy` is the creating key's id, or `cli` / `service`.
   */
  async create(input: NewApiKey, createdBy: string, { grantableScopes, now = new Date() }: CreateApiKeyOptions = {}): Promise<CreatedApiKeyRecord> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.insert(input, createdBy, grantableScopes, now);
      } catch (error) {
        // 40 random bits of prefix: a collision is rare, and drawing a new key resolves it.
        if (attempt < PREFIX_ATTEMPTS && uniqueViolation(error) === 'api_key_prefix_key') continue;
        throw error;
      }
    }
  }

  /**
   * Revokes a key for good; a key already revoked is returned unchanged. `authorize` sees the key (inside the
   * transaction, before anything is written) and throws to refuse.
   */
  revoke(id: string, authorize: (key: ApiKeyEntity) => void, now: Date = new Date()): Promise<ApiKeyEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const key = isUuid(id)
        ? await manager.getRepository(ApiKeyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!key) throw new NotFoundError('API key', id);
      authorize(key);
      if (key.revokedAt) return key;
      await manager.update(ApiKeyEntity, { id }, { revokedAt: now });
      key.revokedAt = now;
      return key;
    });
  }

  /**
   * The keys with these hashes that work (not revoked, not expired, and for a PARTNER key its partner not
   * archived), by hash; a hash without a working key is absent. Records the uses whose last record is older than
   * {@link LAST_USED_RESOLUTION_SECONDS} with one conditional UPDATE, so resolving busy keys does not write per
   * request. One SELECT for the whole batch: the gateway asks about many keys at once.
   */
  async resolve(hashes: readonly string[]): Promise<Map<string, ApiKeyEntity>> {
    if (hashes.length === 0) return new Map();
    const { entities, raw } = await this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('apiKey')
      .leftJoin(PartnerEntity, 'partner', 'partner.id = apiKey.partnerId')
      .addSelect(LAST_USE_DUE.replaceAll('last_used_at', '"apiKey"."last_used_at"'), 'last_use_due')
      .where('apiKey.hash IN (:...hashes)', { hashes })
      .andWhere('apiKey.revokedAt IS NULL')
      .andWhere('(apiKey.expiresAt IS NULL OR apiKey.expiresAt > now())')
      .andWhere('(apiKey.partnerId IS NULL OR partner.archivedAt IS NULL)')
      .getRawAndEntities<{ apiKey_id: string; last_use_due: boolean }>();
    const due = raw.filter((row) => row.last_use_due).map((row) => row.apiKey_id);
    if (due.length > 0) {
      await this.dataSource
        .createQueryBuilder()
        .update(ApiKeyEntity)
        .set({ lastUsedAt: () => 'now()' })
        .where('id IN (:...due)', { due })
        .andWhere(LAST_USE_DUE)
        .execute();
    }
    return new Map(entities.map((key) => [key.hash, key]));
  }

  private insert(input: NewApiKey, createdBy: string, grantableScopes: readonly string[] | undefined, now: Date): Promise<CreatedApiKeyRecord> {
    return writeTransaction(this.dataSource, async (manager) => {
      const problems = apiKeyProblems(input, now, grantableScopes);
      if (input.role === 'PARTNER' && input.partnerId) {
        problems.push(...(await activePartnerProblems(manager, { 'input.partnerId': input.partnerId })));
      }
      if (problems.length > 0) throw new BadUserInputError(problems);
      const role = input.role as ApiKeyRole;
      const { secret, prefix } = generateApiKey();
      const apiKey = manager.create(ApiKeyEntity, {
        id: randomUUID(),
        partnerId: input.partnerId ?? null,
        name: input.name,
        prefix,
        hash: hashApiKey(secret),
        role,
        scopes: apiKeyScopes(input, grantableScopes),
        createdAt: now,
        createdBy,
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
      });
      await manager.insert(ApiKeyEntity, apiKey);
      return { apiKey, secret };
    });
  }
}
