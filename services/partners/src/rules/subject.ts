import type { FieldError } from '@junction/errors';
import type { EntityDirectory } from '@junction/federation';

/** A record that is about exactly one chain or one bridge (an agreement, an ownership, a rollout plan). */
export interface SubjectIds {
  /** The chain, or null/undefined when the subject is a bridge. */
  chainId?: string | null;
  /** The bridge, or null/undefined when the subject is a chain. */
  bridgeId?: string | null;
}

/**
 * Problems with the choice of subject: exactly one of `chainId` and `bridgeId` must be given. `rule` ends the
 * message, e.g. "an agreement covers exactly one chain or one bridge".
 */
export function subjectProblems({ chainId, bridgeId }: SubjectIds, rule: string): FieldError[] {
  if (chainId && bridgeId) return [{ field: 'input.bridgeId', message: `must be omitted when chainId is given: ${rule}` }];
  if (!chainId && !bridgeId) return [{ field: 'input.chainId', message: `is required unless bridgeId is given: ${rule}` }];
  return [];
}

/**
 * Asks the chains or bridges subgraph whether the subject exists (through `_entities`, as the gateway would).
 * Run it before opening a transaction: it is a network call. Throws `UPSTREAM_UNAVAILABLE` when the owner does
 * not answer.
 */
export async function subjectReferenceProblems(directory: EntityDirectory, { chainId, bridgeId }: SubjectIds): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (chainId) {
    const missing = await directory.findMissing('Chain', [chainId]);
    if (missing.length > 0) problems.push({ field: 'input.chainId', message: `no chain has id "${chainId}"` });
  }
  if (bridgeId) {
    const missing = await directory.findMissing('Bridge', [bridgeId]);
    if (missing.length > 0) problems.push({ field: 'input.bridgeId', message: `no bridge has id "${bridgeId}"` });
  }
  return problems;
}
