import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OwnedComponent } from '../types/enums';

/**
 * One cell of the ownership matrix: which partner owns (and which backs up) one component of one chain or one
 * bridge. A component of a target has at most one owner (indexes `component_ownership_chain_key` and
 * `component_ownership_bridge_key`, which also serve lookups by chain and by bridge).
 */
@Entity({ name: 'component_ownership' })
export class ComponentOwnershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('varchar', { length: 32 })
  component!: OwnedComponent;

  /** The chain whose component this is (exactly one of chainId and bridgeId is set). */
  @Column('uuid', { name: 'chain_id', nullable: true })
  chainId!: string | null;

  /** The bridge whose component this is. */
  @Column('uuid', { name: 'bridge_id', nullable: true })
  bridgeId!: string | null;

  @Index()
  @Column('uuid', { name: 'owner_partner_id' })
  ownerPartnerId!: string;

  @Index()
  @Column('uuid', { name: 'backup_partner_id', nullable: true })
  backupPartnerId!: string | null;

  @Column('varchar', { length: 1000, nullable: true })
  notes!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
