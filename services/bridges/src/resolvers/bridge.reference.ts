import type { BridgesContext } from '../context';
import type { BridgeEntity } from '../entities/bridge.entity';

/** Resolves `Bridge` references from other subgraphs, batched: N references cost one query. */
export function resolveBridgeReference(reference: { id: string }, { loaders }: BridgesContext): Promise<BridgeEntity | null> {
  return loaders.bridgeById.load(reference.id);
}
