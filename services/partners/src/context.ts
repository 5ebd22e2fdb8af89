import type { Principal } from '@junction/federation';
import type { PartnersLoaders } from './loaders';

/** What every partners resolver receives. */
export interface PartnersContext {
  /** Who is calling. */
  principal: Principal;
  /** Per-request loaders. */
  loaders: PartnersLoaders;
}
