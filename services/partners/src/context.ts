import type { SubgraphContext } from '@junction/federation';
import type { PartnersLoaders } from './loaders';

/** What every partners resolver receives. */
export type PartnersContext = SubgraphContext<PartnersLoaders>;
