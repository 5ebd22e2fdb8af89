import type { IncidentEntity } from './entities/incident.entity';
import { IncidentStatus } from './types/enums';

/** The lifecycle in order; an update may move an incident forward only (skipping stages is allowed). */
const LIFECYCLE: readonly IncidentStatus[] = [
  IncidentStatus.INVESTIGATING,
  IncidentStatus.IDENTIFIED,
  IncidentStatus.MONITORING,
  IncidentStatus.RESOLVED,
];

/** The statuses an update may move an incident in `from` to. A RESOLVED incident can only be reopened. */
export function nextStatuses(from: IncidentStatus): IncidentStatus[] {
  return from === IncidentStatus.RESOLVED ? [] : LIFECYCLE.slice(LIFECYCLE.indexOf(from) + 1);
}

/**
 * Why an update may not move an incident from `from` to `to`, as a sentence; null when it may. Staying in the
 * same status is always allowed (a message without a status change).
 */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return null;
  const allowed = nextStatuses(from);
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) return `An incident in ${from} can only be reopened, with reopenIncident and a reason, not moved to ${to}`;
  return `An incident in ${from} can move to ${joinWithOr(allowed)}, not ${to}`;
}

/**
 * Sets an incident's status and the timestamps that follow from it: `identifiedAt` the first time it leaves
 * INVESTIGATING, `resolvedAt` while it is RESOLVED (cleared on reopening).
 */
export function applyStatus(incident: IncidentEntity, status: IncidentStatus, at: Date): void {
  incident.status = status;
  if (status !== IncidentStatus.INVESTIGATING && incident.identifiedAt === null) incident.identifiedAt = at;
  incident.resolvedAt = status === IncidentStatus.RESOLVED ? at : null;
}

function joinWithOr(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
