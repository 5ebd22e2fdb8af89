import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An operator-defined contract read on one chain that a healthy bridge must pass, e.g. "the escrow is not paused"
 * or "the escrow holds at least 1,000,000 USDC". The address is stored EIP-55 checksummed.
 */
@Entity({ name: 'bridge_probe' })
export class BridgeProbeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'bridge_id' })
  bridgeId!: string;

  /** The chain the probed contract lives on, owned by the chains subgraph. */
  @Column('uuid', { name: 'chain_id' })
  chainId!: string;

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

  @Column('varchar', { length: 120 })
  label!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
