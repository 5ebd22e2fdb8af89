import { CreateChains1732600000000 } from './1732600000000-create-chains';

/** Every migration of the chains service, oldest first. */
export const migrations = [CreateChains1732600000000];
