import { ContractProbeColumns } from '@junction/federation';
import { Column, Entity } from 'typeorm';

/**
 * An operator-defined contract read on one chain that a healthy bridge must pass, e.g. "the escrow is not paused"
 * or "the escrow holds at least 1,000,000 USDC". The address is stored EIP-55 checksummed.
 */
@Entity({ name: 'bridge_probe' })
export class BridgeProbeEntity extends ContractProbeColumns {
  @Column('uuid', { name: 'bridge_id' })
  bridgeId!: string;

  /** The chain the probed contract lives on, owned by the chains subgraph. */
  @Column('uuid', { name: 'chain_id' })
  chainId!: string;
}
