import { CreateIncidents1732700000000 } from './1732700000000-create-incidents';

/** Every migration of the incidents service, oldest first. */
export const migrations = [CreateIncidents1732700000000];
