import { CreateBridges1732700000000 } from './1732700000000-create-bridges';

/** Every migration of the bridges service, oldest first. */
export const migrations = [CreateBridges1732700000000];
