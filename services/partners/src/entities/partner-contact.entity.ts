import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person at a partner: who to call, and in which order when something breaks. Private to the partner and to
 * operators.
 */
@Entity({ name: 'partner_contact' })
export class PartnerContactEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'partner_id' })
  partnerId!: string;

  @Column('varchar', { length: 120 })
  name!: string;

  /** Unique per partner, compared case-insensitively (index `partner_contact_email_key`). */
  @Column('varchar', { length: 254 })
  email!: string;

  /** Role or job title, e.g. "Head of Infrastructure". */
  @Column('varchar', { length: 120 })
  title!: string;

  /** E.164, e.g. +14155550123. */
  @Column('varchar', { length: 16, nullable: true })
  phone!: string | null;

  @Column('varchar', { name: 'chat_handle', length: 120, nullable: true })
  chatHandle!: string | null;

  @Column('boolean', { name: 'on_call', default: false })
  onCall!: boolean;

  /** 1 is paged first; unique per partner among on-call contacts (index `partner_contact_escalation_key`). */
  @Column('int', { name: 'escalation_order', nullable: true })
  escalationOrder!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
