/**
 * Types whose objects a subgraph filters or withholds by the caller's principal without any directive saying so in
 * the supergraph, so a fetch that selects one of them (as a field's type, in a list, in a connection, or as an
 * `_entities` representation: `... on Incident`) is signed as the caller. Kept by reading the subgraphs' resolvers
 * for uses of `principal` and `RequiresAccess`: a new or renamed filtered type must be added here (a supergraph
 * without some of them, e.g. one of fewer subgraphs, is fine).
 *
 * - incidents: `Incident` (visibility: PUBLIC for everyone, PARTNERS for operators and affected partners, INTERNAL
 *   for operators; `whereVisibleTo`, also on `__resolveReference` and `Chain/Bridge/Partner.incidents`), and what is
 *   only reached through one: `IncidentConnection` (pages and counts of visible incidents), `IncidentEdge`,
 *   `IncidentUpdate`, `IncidentAcknowledgement`, `IncidentDetection`.
 * - partners: the partner-private data of `assertPartnerPrivateAccess` (the partner itself and operators):
 *   `PartnerContact` and `PartnerAgreement` (also by reference), `ApiKey` with its `ApiKeyConnection`/`ApiKeyEdge`
 *   and `CreatedApiKey`, `ApiKeyPrincipal` (the gateway's own key lookups), and a rollout plan's
 *   `RolloutRollbackProcedure` with what hangs under it.
 * - chains: `RpcEndpoint` (operators only).
 */
export const PRINCIPAL_FILTERED_TYPES: readonly string[] = [
  'Incident',
  'IncidentConnection',
  'IncidentEdge',
  'IncidentUpdate',
  'IncidentAcknowledgement',
  'IncidentDetection',
  'PartnerContact',
  'PartnerAgreement',
  'ApiKey',
  'ApiKeyConnection',
  'ApiKeyEdge',
  'CreatedApiKey',
  'ApiKeyPrincipal',
  'RolloutRollbackProcedure',
  'RolloutPausableContract',
  'RolloutRollbackMultisig',
  'RolloutMultisigSigner',
  'RpcEndpoint',
];

/**
 * Fields (`Type.field`) whose resolver checks the caller's principal without an `@authenticated` or
 * `@requiresScopes` in the supergraph (fields with one are found from the supergraph itself). Same upkeep as
 * {@link PRINCIPAL_FILTERED_TYPES}.
 *
 * - `RolloutPlan.rollback`: the partner itself and operators; others get null and FORBIDDEN.
 * - `Partner.contacts`, `Partner.agreements`, `Partner.apiKeys`, `Chain.rpcEndpoints`: carry `@authenticated` today,
 *   listed as well because their resolvers decide per partner, not only per role.
 */
export const PRINCIPAL_FILTERED_FIELDS: readonly string[] = ['RolloutPlan.rollback', 'Partner.contacts', 'Partner.agreements', 'Partner.apiKeys', 'Chain.rpcEndpoints'];
