import { CreateChains1732600000000 } from './1732600000000-create-chains';
import { ChainHealth1732800000000 } from './1732800000000-chain-health';
import { ChainProbes1733200000000 } from './1733200000000-chain-probes';

/** Every migration of the chains service, oldest first. */
export const migrations = [CreateChains1732600000000, ChainHealth1732800000000, ChainProbes1733200000000];
