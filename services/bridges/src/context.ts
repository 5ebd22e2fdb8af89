import type { SubgraphContext } from '@junction/federation';
import type { BridgesLoaders } from './loaders';

/** What every bridges resolver receives. */
export type BridgesContext = SubgraphContext<BridgesLoaders>;
