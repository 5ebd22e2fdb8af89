import type { FieldError } from '@junction/errors';

/** An on-call contact needs an escalation order (1 is paged first). */
export function escalationProblems(onCall: boolean, escalationOrder: number | null | undefined): FieldError[] {
  if (onCall && (escalationOrder === null || escalationOrder === undefined)) {
    return [{ field: 'input.escalationOrder', message: 'is required for an on-call contact: 1 is paged first, then 2 …' }];
  }
  return [];
}
