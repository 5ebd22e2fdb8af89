import type { FieldError } from '@junction/errors';
import type { EntityDirectory } from '@junction/federation';
import { AFFECTED_TARGETS, type AffectedTarget } from './affected-targets';

/** The affected ids an input names; a list left out is not checked. */
export interface AffectedIds {
  chainIds?: readonly string[] | null;
  bridgeIds?: readonly string[] | null;
  partnerIds?: readonly string[] | null;
}

const TARGETS: readonly AffectedTarget[] = ['chain', 'bridge', 'partner'];

/**
 * Asks the owning subgraphs (through `directory`) whether the chains, bridges and partners an input names exist,
 * and returns one field error per list with unknown ids, e.g. `input.chainIds: no chain has id "…"`. Runs before
 * any transaction: a slow or failing owner never holds a database connection.
 */
export async function missingReferenceProblems(directory: EntityDirectory, ids: AffectedIds, prefix = 'input'): Promise<FieldError[]> {
  const problems = await Promise.all(
    TARGETS.map(async (target): Promise<FieldError | null> => {
      const listed = ids[`${target}Ids`];
      if (!listed || listed.length === 0) return null;
      const missing = await directory.findMissing(AFFECTED_TARGETS[target].typename, listed);
      if (missing.length === 0) return null;
      const quoted = missing.map((id) => `"${id}"`).join(', ');
      return { field: `${prefix}.${target}Ids`, message: `no ${target} has ${missing.length === 1 ? 'id' : 'ids'} ${quoted}` };
    }),
  );
  return problems.filter((problem): problem is FieldError => problem !== null);
}
