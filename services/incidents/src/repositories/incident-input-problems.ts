import type { FieldError } from '@junction/errors';
import { IncidentDetectionSource } from '../types/enums';
import type { CreateIncidentInput, UpdateIncidentInput } from '../types/incident-inputs';

/** The message when a new incident would affect no chain and no bridge. */
export const NOTHING_AFFECTED = 'must list at least one affected chain, unless bridgeIds lists a bridge';

/** The message when a change would leave an incident affecting no chain and no bridge. */
export const NOTHING_LEFT_AFFECTED = 'would leave the incident affecting no chain and no bridge; keep at least one';

/** Problems of a new incident that need no database: something affected, a consistent detection, a past start. */
export function createInputProblems(input: CreateIncidentInput, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  if (input.chainIds.length === 0 && input.bridgeIds.length === 0) problems.push({ field: 'input.chainIds', message: NOTHING_AFFECTED });
  const { source, ruleKey, reporterName } = input.detectedBy;
  const field = (name: string) => `input.detectedBy.${name}`;
  if (source === IncidentDetectionSource.RULE) {
    if (!ruleKey) problems.push({ field: field('ruleKey'), message: 'is required when source is RULE: give the key of the alert rule that fired' });
    if (reporterName) problems.push({ field: field('reporterName'), message: 'must be left out when source is RULE' });
  } else {
    if (!reporterName) problems.push({ field: field('reporterName'), message: 'is required when source is PERSON: give the name of who reported it' });
    if (ruleKey) problems.push({ field: field('ruleKey'), message: 'must be left out when source is PERSON' });
  }
  if (input.startedAt && input.startedAt.getTime() > now.getTime()) problems.push({ field: 'input.startedAt', message: 'must not be in the future' });
  return problems;
}

/** Fields of an update that cannot be cleared: an explicit null is refused (omit a field to keep its value). */
const REQUIRED_FIELDS = ['title', 'summary', 'kind', 'severity', 'visibility', 'chainIds', 'bridgeIds', 'partnerIds'] as const;

/** Problems of an incident change that need no database: explicit nulls for fields that cannot be empty. */
export function updateInputProblems(input: UpdateIncidentInput): FieldError[] {
  return REQUIRED_FIELDS.filter((name) => input[name] === null).map((name) => ({
    field: `input.${name}`,
    message: 'cannot be null; leave it out to keep the current value',
  }));
}
