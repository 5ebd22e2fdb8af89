import type { FieldError } from '@junction/errors';
import { PartnerAgreementStatus } from '../types/enums';

/** Response times per severity, in minutes. */
export interface ResponseMinutes {
  sev1: number;
  sev2: number;
  sev3: number;
  sev4: number;
}

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;

/** A less severe incident may not demand a faster response: sev1 ≤ sev2 ≤ sev3 ≤ sev4. */
export function responseMinutesProblems(minutes: ResponseMinutes, field = 'input.responseMinutes'): FieldError[] {
  const problems: FieldError[] = [];
  for (let index = 1; index < SEVERITIES.length; index++) {
    const previous = SEVERITIES[index - 1];
    const current = SEVERITIES[index];
    if (minutes[current] < minutes[previous]) {
      problems.push({
        field: `${field}.${current}`,
        message: `must be at least ${previous} (${minutes[previous]} minutes): a less severe incident cannot require a faster response`,
      });
    }
  }
  return problems;
}

/** The period is `[effectiveFrom, effectiveUntil)`: the end must come after the start. */
export function periodProblems(effectiveFrom: string, effectiveUntil: string | null | undefined): FieldError[] {
  if (effectiveUntil && effectiveUntil <= effectiveFrom) {
    return [{ field: 'input.effectiveUntil', message: `must be after effectiveFrom (${effectiveFrom})` }];
  }
  return [];
}

/** A new agreement starts as a DRAFT or, when entered already signed, as ACTIVE. */
export function initialStatusProblems(status: PartnerAgreementStatus): FieldError[] {
  if (status === PartnerAgreementStatus.DRAFT || status === PartnerAgreementStatus.ACTIVE) return [];
  return [
    {
      field: 'input.status',
      message: 'must be DRAFT or ACTIVE for a new agreement: EXPIRED follows from effectiveUntil, TERMINATED from terminatePartnerAgreement',
    },
  ];
}

/** A DRAFT may become ACTIVE; an ACTIVE agreement never goes back to DRAFT. */
export function statusChangeProblems(current: PartnerAgreementStatus, requested: PartnerAgreementStatus): FieldError[] {
  if (requested === current) return [];
  if (requested === PartnerAgreementStatus.ACTIVE && current === PartnerAgreementStatus.DRAFT) return [];
  if (requested === PartnerAgreementStatus.DRAFT) {
    return [{ field: 'input.status', message: 'cannot go back to DRAFT once the agreement is ACTIVE; terminate it and create a new one' }];
  }
  return [
    {
      field: 'input.status',
      message: 'can only change from DRAFT to ACTIVE: EXPIRED follows from effectiveUntil, TERMINATED from terminatePartnerAgreement',
    },
  ];
}

/** Today's date in UTC, `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The status a client sees: an ACTIVE agreement whose `effectiveUntil` has come is EXPIRED. */
export function effectiveStatus(
  stored: PartnerAgreementStatus,
  effectiveUntil: string | null,
  today: string = todayUtc(),
): PartnerAgreementStatus {
  if (stored === PartnerAgreementStatus.ACTIVE && effectiveUntil !== null && effectiveUntil <= today) return PartnerAgreementStatus.EXPIRED;
  return stored;
}
