import { ContractProbeColumns } from '@junction/federation';
import { Column, Entity } from 'typeorm';

/**
 * An operator-defined contract read on a chain that a healthy chain must pass, e.g. "the canonical bridge is not
 * paused" or "the bridge escrow holds at least 1M USDC". The address is stored EIP-55 checksummed.
 */
@Entity({ name: 'chain_probe' })
export class ChainProbeEntity extends ContractProbeColumns {
  /** The chain the probe reads (and belongs to); indexed by `chain_probe_chain_label_key`, which leads with it. */
  @Column('uuid', { name: 'chain_id' })
  chainId!: string;
}
