import type { SubgraphContext } from '@junction/federation';
import type { IncidentsLoaders } from './loaders';

/** What every incidents resolver receives. */
export type IncidentsContext = SubgraphContext<IncidentsLoaders>;
