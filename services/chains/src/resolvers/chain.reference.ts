import type { ChainsContext } from '../context';
import type { ChainEntity } from '../entities/chain.entity';

/** Resolves `Chain` references from other subgraphs, batched: N references cost one query. */
export function resolveChainReference(reference: { id: string }, { loaders }: ChainsContext): Promise<ChainEntity | null> {
  return loaders.chainById.load(reference.id);
}
