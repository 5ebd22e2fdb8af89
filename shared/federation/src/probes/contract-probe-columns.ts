import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/**
 * The columns every stored contract probe has (`bridge_probe`, `chain_probe`): the stored form `checkProbeInput`
 * of `@junction/onchain` produces and `evaluateStoredProbes` runs, with an id, a label and a creation time. An
 * `@Entity` extends it with the columns that tie the probe to its owner; its migration creates the table.
 */
export abstract class ContractProbeColumns {
  @PrimaryColumn('uuid')
  id!: string;

  /** The contract to call, EIP-55 checksummed. */
  @Column('varchar', { length: 42 })
  address!: string;

  /** The function, as a human-readable ABI item: `function paused() view returns (bool)`. */
  @Column('varchar', { length: 500 })
  signature!: string;

  /** The function's arguments, as JSON values (integers may be decimal strings). */
  @Column('jsonb', { default: () => "'[]'" })
  args!: unknown[];

  /** The value must equal this (booleans as `true`/`false`, integers in decimal); null for no such condition. */
  @Column('varchar', { name: 'expect_equals', length: 200, nullable: true })
  expectEquals!: string | null;

  /** The integer value must be at least this (decimal); null for no lower bound. */
  @Column('varchar', { name: 'expect_min', length: 80, nullable: true })
  expectMin!: string | null;

  /** The integer value must be at most this (decimal); null for no upper bound. */
  @Column('varchar', { name: 'expect_max', length: 80, nullable: true })
  expectMax!: string | null;

  /** Names the probe in health reasons; unique per owner (case-insensitively). */
  @Column('varchar', { length: 120 })
  label!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
