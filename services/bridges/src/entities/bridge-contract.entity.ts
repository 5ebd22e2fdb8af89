import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BridgeContractRole } from '../types/enums';

/** A contract of a bridge on one chain. The address is stored EIP-55 checksummed. */
@Entity({ name: 'bridge_contract' })
@Index('bridge_contract_bridge_chain_address_key', ['bridgeId', 'chainId', 'address'], { unique: true })
export class BridgeContractEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'bridge_id' })
  bridgeId!: string;

  /** The chain the contract lives on, owned by the chains subgraph. */
  @Index()
  @Column('uuid', { name: 'chain_id' })
  chainId!: string;

  @Column('varchar', { length: 42 })
  address!: string;

  @Column('varchar', { length: 32 })
  role!: BridgeContractRole;

  @Column('boolean', { default: false })
  pausable!: boolean;

  @Column('varchar', { name: 'pause_function_signature', length: 200, nullable: true })
  pauseFunctionSignature!: string | null;

  @Column('varchar', { length: 120 })
  label!: string;

  /** ERC-20 tokens the contract holds (EIP-55 checksummed, on the same chain), whose balances health reads. */
  @Column('varchar', { name: 'held_tokens', length: 42, array: true, default: () => "'{}'" })
  heldTokens!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
