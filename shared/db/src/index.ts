export { openStore, type OpenStoreParameters, type Store } from './store';
export { openDataSource, migrationSchema, type OpenDataSourceParameters, type ServiceDataSource } from './data-source';
export { QueryCounter } from './query-counter';
export { SessionLock } from './session-lock';
export { createSerializedPg } from './serialized-pg';
export { uniqueViolation } from './unique-violation';
export { isUuid } from './is-uuid';
export { writeTransaction } from './write-transaction';
export { acquireLeadership, type AcquireLeadershipParameters, type LeaderLock } from './leader-lock';
