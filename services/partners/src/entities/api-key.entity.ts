import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ApiKeyRole } from '../types/enums';

/**
 * An API key. Only its SHA-256 hash is stored (the key itself is shown once, when it is created); its public
 * prefix names it in lists and logs. PARTNER keys act for a partner; OPERATOR and ADMIN keys belong to the
 * ecosystem team and have no partner.
 */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The partner a PARTNER key acts for; null for OPERATOR and ADMIN keys (check `api_key_partner_role_check`). */
  @Index()
  @Column('uuid', { name: 'partner_id', nullable: true })
  partnerId!: string | null;

  /** A label for people: who holds the key or what uses it. */
  @Column('varchar', { length: 80 })
  name!: string;

  /** The 8 characters after `jct_` in the key (index `api_key_prefix_key`). */
  @Index({ unique: true })
  @Column('varchar', { length: 8 })
  prefix!: string;

  /** SHA-256 of the whole key, hex (index `api_key_hash_key`). */
  @Index({ unique: true })
  @Column('char', { length: 64 })
  hash!: string;

  @Column('varchar', { length: 16 })
  role!: ApiKeyRole;

  /** What the key may do beyond reading public data; a subset of `KEY_SCOPES`. */
  @Column('text', { array: true })
  scopes!: string[];

  /** Set by the repository (millisecond precision, so keyset cursors match it exactly). */
  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** The id of the key that created this one; `cli` for the create-key command, `service` for a keyless caller. */
  @Column('varchar', { name: 'created_by', length: 64 })
  createdBy!: string;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  /** Updated on resolution, at most once a minute. */
  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
