import type { Principal } from '@junction/federation';
import type { ChainsLoaders } from './loaders';

/** What every chains resolver receives. */
export interface ChainsContext {
  /** Who is calling. */
  principal: Principal;
  /** Per-request loaders. */
  loaders: ChainsLoaders;
}
