import type { Principal } from '@junction/federation';
import type { IncidentsLoaders } from './loaders';

/** What every incidents resolver receives. */
export interface IncidentsContext {
  /** Who is calling; decides which incidents exist for this request. */
  principal: Principal;
  /** Per-request loaders, bound to `principal`. */
  loaders: IncidentsLoaders;
}
