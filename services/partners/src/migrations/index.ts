import { CreatePartners1732700000000 } from './1732700000000-create-partners';
import { CreateApiKeys1764100000000 } from './1764100000000-create-api-keys';

/** Every migration of the partners service, oldest first. */
export const migrations = [CreatePartners1732700000000, CreateApiKeys1764100000000];
