import type { IncidentEventKind } from '@junction/events';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A partner's webhook endpoint: where the incidents service POSTs the incident events that partner may see.
 * `eventKinds` null means every kind, including kinds added later.
 */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpointEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The owning partner (owned by the partners subgraph, so no foreign key). */
  @Index()
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;

  @Column('varchar', { length: 2000 })
  url!: string;

  @Column('varchar', { length: 500, nullable: true })
  description!: string | null;

  /** The kinds delivered; null for every kind. */
  @Column('varchar', { name: 'event_kinds', length: 16, array: true, nullable: true })
  eventKinds!: IncidentEventKind[] | null;

  @Column('boolean')
  enabled!: boolean;

  /**
   * The HMAC-SHA256 key deliveries are signed with, sealed by the service's `SecretBox`. It is a shared secret, not a
   * password: the dispatcher needs it in the clear to sign every delivery, so it is encrypted rather than hashed. A
   * row neither rotated nor re-sealed (`npm run reseal-webhook-secrets`) since secrets were first sealed still holds
   * the `whsec_…` plaintext. The secret is shown to the partner once (on creation and on rotation) and never returned
   * by a query.
   */
  @Column('text', { name: 'signing_secret' })
  sealedSigningSecret!: string;

  /**
   * The secret the last rotation replaced, sealed, kept so a partner's receiver has time to switch: until
   * `previousSecretExpiresAt` every delivery is signed with it as well. Never returned by a query.
   */
  @Column('text', { name: 'previous_signing_secret', nullable: true })
  sealedPreviousSigningSecret!: string | null;

  /** When {@link sealedPreviousSigningSecret} stops signing deliveries; null when no rotation kept one. */
  @Column('timestamptz', { name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
