import type { Principal } from '@junction/federation';
import type { BridgesLoaders } from './loaders';

/** What every bridges resolver receives. */
export interface BridgesContext {
  /** Who is calling. */
  principal: Principal;
  /** Per-request loaders. */
  loaders: BridgesLoaders;
}
