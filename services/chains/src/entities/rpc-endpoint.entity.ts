import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An RPC endpoint of a chain. Its URL may carry credentials: it is a secret, shown to operators only. */
@Entity({ name: 'rpc_endpoint' })
@Index(['chainId', 'url'], { unique: true })
export class RpcEndpointEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid', { name: 'chain_id' })
  chainId!: string;

  @Column('varchar', { length: 80 })
  label!: string;

  @Column('varchar', { length: 500 })
  url!: string;

  /** Lower is tried first. */
  @Column('int', { default: 100 })
  priority!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
