import type { SubgraphContext } from '@junction/federation';
import type { ChainsLoaders } from './loaders';

/** What every chains resolver receives. */
export type ChainsContext = SubgraphContext<ChainsLoaders>;
