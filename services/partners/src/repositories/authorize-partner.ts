/**
 * Called by a repository with the partner a private record belongs to, inside the write transaction and before
 * anything is written; it throws (FORBIDDEN) to refuse, which rolls the transaction back.
 */
export type AuthorizePartner = (partnerId: string) => void;
