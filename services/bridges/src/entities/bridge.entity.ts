import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BridgeKind, BridgeLifecycle, BridgeSecurityModel } from '../types/enums';

/** A bridge between chains: a rollup's canonical bridge or a third-party bridge or messaging network. */
@Entity({ name: 'bridge' })
export class BridgeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  slug!: string;

  @Column('varchar', { length: 120 })
  name!: string;

  @Column('varchar', { length: 32 })
  kind!: BridgeKind;

  @Column('varchar', { length: 80 })
  provider!: string;

  @Column('varchar', { name: 'security_model', length: 32 })
  securityModel!: BridgeSecurityModel;

  @Column('varchar', { name: 'validated_by', length: 500 })
  validatedBy!: string;

  @Column('boolean', { name: 'arbitrary_messaging' })
  arbitraryMessaging!: boolean;

  @Column('boolean', { name: 'native_token_required', default: false })
  nativeTokenRequired!: boolean;

  @Column('int', { name: 'supported_chains_count' })
  supportedChainsCount!: number;

  /** The operating partner, owned by the partners subgraph (no foreign key across services). */
  @Index()
  @Column('uuid', { name: 'operator_partner_id', nullable: true })
  operatorPartnerId!: string | null;

  @Column('varchar', { name: 'website_url', length: 300, nullable: true })
  websiteUrl!: string | null;

  @Column('varchar', { name: 'docs_url', length: 300, nullable: true })
  docsUrl!: string | null;

  @Column('varchar', { length: 2000, nullable: true })
  notes!: string | null;

  @Column('varchar', { length: 32 })
  status!: BridgeLifecycle;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;
}
