import type { FieldError } from '@junction/errors';

/** The fee figures of a route, as they would be stored. */
export interface RouteFees {
  feeUsdMin: number;
  feeUsdMax: number;
  messageFeeUsdMin: number | null;
  messageFeeUsdMax: number | null;
}

/**
 * What is wrong with a route's fees: a minimum above its maximum, or one message fee without the other. `field`
 * is the path of the route input, e.g. `input.routes.2`.
 */
export function feeProblems({ feeUsdMin, feeUsdMax, messageFeeUsdMin, messageFeeUsdMax }: RouteFees, field: string): FieldError[] {
  const problems: FieldError[] = [];
  if (feeUsdMin > feeUsdMax) {
    problems.push({ field: `${field}.feeUsdMin`, message: `must not exceed feeUsdMax (${feeUsdMin} > ${feeUsdMax})` });
  }
  if ((messageFeeUsdMin === null) !== (messageFeeUsdMax === null)) {
    const missing = messageFeeUsdMin === null ? 'messageFeeUsdMin' : 'messageFeeUsdMax';
    problems.push({ field: `${field}.${missing}`, message: 'is required when the other message fee is set: give both or neither' });
  } else if (messageFeeUsdMin !== null && messageFeeUsdMax !== null && messageFeeUsdMin > messageFeeUsdMax) {
    problems.push({
      field: `${field}.messageFeeUsdMin`,
      message: `must not exceed messageFeeUsdMax (${messageFeeUsdMin} > ${messageFeeUsdMax})`,
    });
  }
  return problems;
}
