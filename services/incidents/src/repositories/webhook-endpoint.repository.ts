import { isUuid } from '@junction/db';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys, requirePartnerPrivateAccess, type EntityDirectory, type Principal } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointEntity } from '../entities/webhook-endpoint.entity';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from '../types/webhook-inputs';
import type { SecretBox } from '../webhooks/secret-box';
import { generateSigningSecret } from '../webhooks/webhook-signature';
import { whereOwnedBy } from './webhook-owner-scope';

/** The most webhook endpoints one partner may have. */
export const MAX_WEBHOOK_ENDPOINTS_PER_PARTNER = 10;

/** An endpoint with its signing secret, as `createWebhookEndpoint` and `rotateWebhookSecret` return it once. */
export interface WebhookEndpointWithSecretRecord {
  /** The endpoint. */
  endpoint: WebhookEndpointEntity;
  /** Its (new) signing secret. */
  signingSecret: string;
}

/**
 * Reads and writes partners' webhook endpoints. Every read and change is restricted in SQL to what the principal
 * owns ({@link whereOwnedBy}): another partner's endpoint is NOT_FOUND, another partner's list is empty. Signing
 * secrets are stored sealed by `secretBox` and returned in the clear only by the call that makes them.
 */
export class WebhookEndpointRepository {
  /**
   * @param secretBox - Seals the signing secrets it stores.
   * @param onEnabled - Told after a commit that enabled an endpoint (its pending deliveries are due again: wakes the dispatcher).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: EntityDirectory,
    private readonly secretBox: SecretBox,
    private readonly onEnabled: () => void = () => {},
  ) {}

  /** Each partner's endpoints that `principal` may see, oldest first, one list per id in `partnerIds`. One query. */
  async findByPartnerIds(partnerIds: readonly string[], principal: Principal): Promise<WebhookEndpointEntity[][]> {
    const valid = [...new Set(partnerIds.filter(isUuid))];
    if (valid.length === 0) return partnerIds.map(() => []);
    const query = this.dataSource
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('endpoint')
      .where('endpoint.partnerId IN (:...partnerIds)', { partnerIds: valid })
      .orderBy('endpoint.createdAt', 'ASC')
      .addOrderBy('endpoint.id', 'ASC');
    const rows = await whereOwnedBy(query, principal, 'endpoint').getMany();
    return groupByKeys(rows, (row) => row.partnerId, partnerIds);
  }

  /**
   * Adds an endpoint to an existing partner and returns it with its signing secret (this once). A partner key adds
   * endpoints to its own partner only.
   */
  async create(partnerId: string, input: CreateWebhookEndpointInput, principal: Principal): Promise<WebhookEndpointWithSecretRecord> {
    requirePartnerPrivateAccess(principal, partnerId, 'A partner key manages webhook endpoints only for its own partner; pass your partner id.');
    await this.assertPartnerExists(partnerId);
    return this.dataSource.transaction(async (manager) => {
      // Serializes creations for one partner, so the limit holds under concurrent requests.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhook_endpoint:${partnerId}`]);
      const count = await manager.countBy(WebhookEndpointEntity, { partnerId });
      if (count >= MAX_WEBHOOK_ENDPOINTS_PER_PARTNER) {
        throw new ConflictError(
          `Partner "${partnerId}" already has ${count} webhook endpoints, the most allowed; delete one it no longer uses first.`,
          { partnerId, limit: MAX_WEBHOOK_ENDPOINTS_PER_PARTNER },
        );
      }
      const now = new Date();
      const signingSecret = generateSigningSecret();
      const endpoint = manager.create(WebhookEndpointEntity, {
        id: randomUUID(),
        partnerId,
        url: input.url,
        description: input.description?.trim() || null,
        eventKinds: input.eventKinds ?? null,
        enabled: input.enabled,
        sealedSigningSecret: this.secretBox.seal(signingSecret),
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(WebhookEndpointEntity, endpoint);
      return { endpoint, signingSecret };
    });
  }

  /** Changes an endpoint `principal` owns; omitted fields keep their value. */
  async update(id: string, input: UpdateWebhookEndpointInput, principal: Principal): Promise<WebhookEndpointEntity> {
    const problems: FieldError[] = (['url', 'enabled'] as const)
      .filter((name) => input[name] === null)
      .map((name) => ({ field: `input.${name}`, message: 'cannot be null; leave it out to keep the current value' }));
    if (problems.length > 0) throw new BadUserInputError(problems);
    const updated = await this.dataSource.transaction(async (manager) => {
      const endpoint = await lockOwnedEndpoint(manager, id, principal);
      if (input.url != null) endpoint.url = input.url;
      if (input.description !== undefined) endpoint.description = input.description?.trim() || null;
      if (input.eventKinds !== undefined) endpoint.eventKinds = input.eventKinds;
      if (input.enabled != null) endpoint.enabled = input.enabled;
      endpoint.updatedAt = new Date();
      return manager.save(endpoint);
    });
    if (input.enabled) this.onEnabled();
    return updated;
  }

  /**
   * Deletes an endpoint `principal` owns, and with it (ON DELETE CASCADE) its deliveries, pending ones included:
   * nothing is sent to an endpoint once it is deleted. Returns the deleted endpoint.
   */
  delete(id: string, principal: Principal): Promise<WebhookEndpointEntity> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await lockOwnedEndpoint(manager, id, principal);
      await manager.delete(WebhookEndpointEntity, { id: endpoint.id });
      return endpoint;
    });
  }

  /**
   * Replaces the signing secret of an endpoint `principal` owns and returns the new one (this once). Every attempt
   * from now on, retries of earlier events included, is signed with the new secret and, for `keepPreviousForHours`,
   * with the old one as well, so the partner's receiver keeps accepting deliveries until it has the new one. Only one
   * previous secret is kept: rotating again replaces it with the secret being rotated away. 0 drops the old secret
   * at once (for a leaked one).
   *
   * Both secrets are sealed again with the current sealing key, which moves the row off an older encryption key (and
   * a legacy plaintext secret into a sealed one). Keeping the previous secret opens it first: with its encryption
   * key no longer configured that fails (a `SecretBoxError`, logged and masked), while `keepPreviousForHours: 0`
   * still replaces the secret.
   */
  rotateSecret(id: string, keepPreviousForHours: number, principal: Principal): Promise<WebhookEndpointWithSecretRecord> {
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await lockOwnedEndpoint(manager, id, principal);
      const now = new Date();
      const keepPrevious = keepPreviousForHours > 0;
      const signingSecret = generateSigningSecret();
      endpoint.sealedPreviousSigningSecret = keepPrevious ? this.secretBox.seal(this.secretBox.open(endpoint.sealedSigningSecret)) : null;
      endpoint.previousSecretExpiresAt = keepPrevious ? new Date(now.getTime() + keepPreviousForHours * 3_600_000) : null;
      endpoint.sealedSigningSecret = this.secretBox.seal(signingSecret);
      endpoint.updatedAt = now;
      const saved = await manager.save(endpoint);
      return { endpoint: saved, signingSecret };
    });
  }

  private async assertPartnerExists(partnerId: string): Promise<void> {
    const missing = isUuid(partnerId) ? await this.directory.findMissing('Partner', [partnerId]) : [partnerId];
    if (missing.length > 0) throw new BadUserInputError([{ field: 'partnerId', message: `no partner has id "${partnerId}"` }]);
  }
}

/** Locks (FOR UPDATE) the endpoint `id` if `principal` owns it; NOT_FOUND otherwise, the same as an unknown id. */
async function lockOwnedEndpoint(manager: EntityManager, id: string, principal: Principal): Promise<WebhookEndpointEntity> {
  const query = manager.getRepository(WebhookEndpointEntity).createQueryBuilder('endpoint').where('endpoint.id = :id', { id }).setLock('pessimistic_write');
  const endpoint = isUuid(id) ? await whereOwnedBy(query, principal, 'endpoint').getOne() : null;
  if (!endpoint) throw new NotFoundError('webhook endpoint', id);
  return endpoint;
}
