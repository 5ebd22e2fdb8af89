import { CreatePartners1732700000000 } from './1732700000000-create-partners';

/** Every migration of the partners service, oldest first. */
export const migrations = [CreatePartners1732700000000];
