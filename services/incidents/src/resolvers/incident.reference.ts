import type { IncidentsContext } from '../context';
import type { IncidentEntity } from '../entities/incident.entity';

/**
 * Resolves `Incident` references from other subgraphs, batched (N references cost one query) and filtered by
 * the caller's visibility: a hidden incident resolves to null.
 */
export function resolveIncidentReference(reference: { id: string }, { loaders }: IncidentsContext): Promise<IncidentEntity | null> {
  return loaders.incidentById.load(reference.id);
}
