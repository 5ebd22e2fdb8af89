import { isUuid, openDataSource, type Store } from '@junction/db';
import { entities } from '../entities';
import { migrations } from '../migrations';
import { ApiKeyRepository, type CreatedApiKeyRecord } from '../repositories/api-key.repository';
import { PartnerRepository } from '../repositories/partner.repository';
import type { NewApiKey } from '../rules/api-key-input';

/** Parameters of {@link issueApiKey}. */
export interface IssueApiKeyParameters {
  /** The store the partners service uses, opened by the caller (who closes it). */
  store: Store;
  /** The PostgreSQL schema the partners service owns. @default 'partners' */
  dbSchema?: string;
  /** The key to create; `partner` names a PARTNER key's partner by id or slug. @default no partner */
  key: Omit<NewApiKey, 'partnerId'> & { partner?: string };
}

/**
 * The create-key command's work: opens the partners service's DataSource on `store` (applying its migrations, so a
 * fresh store works), creates the key exactly as `createApiKey` does, recorded as created by `cli`, and closes
 * the DataSource. Returns the key, shown this once. Throws `BAD_USER_INPUT` and writes nothing when the key is
 * not acceptable.
 */
export async function issueApiKey({ store, dbSchema = 'partners', key }: IssueApiKeyParameters): Promise<CreatedApiKeyRecord> {
  const { dataSource } = await openDataSource({ store, schema: dbSchema, entities, migrations });
  try {
    const { partner, ...rest } = key;
    // A slug is looked up; an id, or a slug no partner has, goes on to the repository's active-partner check.
    const bySlug = partner !== undefined && !isUuid(partner) ? await new PartnerRepository(dataSource).findBySlug(partner) : null;
    const partnerId = bySlug?.id ?? partner;
    return await new ApiKeyRepository(dataSource).create({ ...rest, partnerId }, 'cli');
  } finally {
    await dataSource.destroy();
  }
}
