import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerKind, PartnerStatus } from '../types/enums';

/** A partner: a company or team the ecosystem coordinates with (rollup operator, bridge, oracle, RPC provider …). */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  slug!: string;

  @Column('varchar', { length: 120 })
  name!: string;

  @Index()
  @Column('varchar', { length: 32 })
  kind!: PartnerKind;

  @Index()
  @Column('varchar', { length: 32 })
  status!: PartnerStatus;

  @Column('varchar', { name: 'website_url', length: 300, nullable: true })
  websiteUrl!: string | null;

  @Column('varchar', { length: 2000, nullable: true })
  description!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;
}
