import type { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import { SecretBoxError, type SecretBox } from './secret-box';

/** Parameters of {@link resealWebhookSecrets}. */
export interface ResealWebhookSecretsParameters {
  /** Opens the stored secrets with any of its keys and seals them again with its first. */
  secretBox: SecretBox;
  /** Endpoints read per batch; the ones among them to rewrite are locked and rewritten in one transaction. @default 100 */
  batchSize?: number;
}

/** An endpoint {@link resealWebhookSecrets} left as it was, and why. */
export interface ResealWebhookSecretsFailure {
  /** The endpoint's id. */
  endpointId: string;
  /** Why a secret of it did not open; `keyId` names the encryption key (undefined for a malformed value). */
  error: SecretBoxError;
}

/** What {@link resealWebhookSecrets} did. */
export interface ResealWebhookSecretsReturnType {
  /** The key every secret is now sealed with: the first of the `SecretBox`. */
  sealingKeyId: string;
  /** Endpoints read. */
  totalEndpoints: number;
  /** Endpoints whose signing secret or previous secret was sealed again. */
  resealedEndpoints: number;
  /** Endpoints left as they were because a secret of theirs did not open, in id order. */
  failures: ResealWebhookSecretsFailure[];
}

/**
 * Seals again, with the first key of `secretBox`, every endpoint's signing secret and previous secret that is
 * stored in clear (a legacy `whsec_…` secret) or sealed with another key, so an operator can drop an old encryption
 * key without rotating secrets. A secret's plaintext never changes (nor does the endpoint's `updatedAt`): partners
 * notice nothing. Endpoints are read in id order, `batchSize` at a time; the ones to rewrite are locked (FOR UPDATE,
 * as a rotation locks them) and rewritten in one transaction per batch, so each batch commits on its own and a second
 * run rewrites nothing. An endpoint with a secret that does not open (its key is not configured, or the value is
 * malformed) is left as it was, both secrets, and reported in `failures`; the others are still sealed again.
 */
export async function resealWebhookSecrets(dataSource: DataSource, { secretBox, batchSize = 100 }: ResealWebhookSecretsParameters): Promise<ResealWebhookSecretsReturnType> {
  const result: ResealWebhookSecretsReturnType = { sealingKeyId: secretBox.sealingKeyId, totalEndpoints: 0, resealedEndpoints: 0, failures: [] };
  const isStale = (stored: string | null) => stored !== null && sealedWithOtherKey(secretBox, stored);
  const reseal = (stored: string) => (isStale(stored) ? secretBox.seal(secretBox.open(stored)) : stored);
  for (let after: string | undefined; ; ) {
    const page = selectEndpoints(dataSource.manager).limit(batchSize);
    if (after !== undefined) page.where('endpoint.id > :after', { after });
    const batch = await page.getMany();
    if (batch.length === 0) break;
    result.totalEndpoints += batch.length;
    after = batch[batch.length - 1].id;
    const staleIds = batch.filter((endpoint) => isStale(endpoint.sealedSigningSecret) || isStale(endpoint.sealedPreviousSigningSecret)).map((endpoint) => endpoint.id);
    if (staleIds.length === 0) continue;
    await dataSource.transaction(async (manager) => {
      // Read again under the lock: a rotation may have sealed them since, or deleted them.
      const locked = await selectEndpoints(manager).where('endpoint.id IN (:...ids)', { ids: staleIds }).setLock('pessimistic_write').getMany();
      for (const endpoint of locked) {
        let resealed: Pick<WebhookEndpointEntity, 'sealedSigningSecret' | 'sealedPreviousSigningSecret'>;
        try {
          const previous = endpoint.sealedPreviousSigningSecret;
          resealed = { sealedSigningSecret: reseal(endpoint.sealedSigningSecret), sealedPreviousSigningSecret: previous === null ? null : reseal(previous) };
        } catch (error) {
          if (!(error instanceof SecretBoxError)) throw error;
          result.failures.push({ endpointId: endpoint.id, error });
          continue;
        }
        if (resealed.sealedSigningSecret === endpoint.sealedSigningSecret && resealed.sealedPreviousSigningSecret === endpoint.sealedPreviousSigningSecret) continue;
        await manager.update(WebhookEndpointEntity, { id: endpoint.id }, resealed);
        result.resealedEndpoints += 1;
      }
    });
  }
  return result;
}

/** Whether `stored` is not sealed with the sealing key: in clear, sealed with another key, or malformed. */
function sealedWithOtherKey(secretBox: SecretBox, stored: string): boolean {
  try {
    return secretBox.sealedWith(stored) !== secretBox.sealingKeyId;
  } catch (error) {
    if (error instanceof SecretBoxError) return true;
    throw error;
  }
}

/** Endpoints' ids and stored secrets, in id order. */
function selectEndpoints(manager: EntityManager) {
  return manager
    .getRepository(WebhookEndpointEntity)
    .createQueryBuilder('endpoint')
    .select(['endpoint.id', 'endpoint.sealedSigningSecret', 'endpoint.sealedPreviousSigningSecret'])
    .orderBy('endpoint.id', 'ASC');
}
