import type { FieldError } from '@junction/errors';
import type { NewBridgeRoute } from '../repositories/bridge-records';
import type { BridgeRouteInput } from '../types/bridge-route-inputs';
import { checkOptionalAddress } from './evm-address';
import { feeProblems } from './fee-problems';
import { unknownChainMessage, type MissingReferences } from './references';

/** A route input turned into a record, with what is wrong with it. */
export interface CheckedRoute {
  /** The record to write (meaningful only when `problems` is empty). */
  record: NewBridgeRoute;
  /** Problems, in the order of the input's fields. */
  problems: FieldError[];
}

/**
 * Checks one route input at `field` (e.g. `input.routes.0`): known and distinct chains, checksummed token
 * addresses, fee minimums not above maximums, message fees given together.
 */
export function checkRoute(input: BridgeRouteInput, field: string, missing: MissingReferences): CheckedRoute {
  const problems: FieldError[] = [];
  if (missing.chainIds.has(input.sourceChainId)) {
    problems.push({ field: `${field}.sourceChainId`, message: unknownChainMessage(input.sourceChainId) });
  }
  if (input.destinationChainId === input.sourceChainId) {
    problems.push({ field: `${field}.destinationChainId`, message: 'must differ from sourceChainId: a route connects two chains' });
  } else if (missing.chainIds.has(input.destinationChainId)) {
    problems.push({ field: `${field}.destinationChainId`, message: unknownChainMessage(input.destinationChainId) });
  }
  const sourceTokenAddress = checkOptionalAddress(`${field}.sourceTokenAddress`, input.sourceTokenAddress, problems) ?? null;
  const destinationTokenAddress = checkOptionalAddress(`${field}.destinationTokenAddress`, input.destinationTokenAddress, problems) ?? null;
  const fees = {
    feeUsdMin: input.feeUsdMin,
    feeUsdMax: input.feeUsdMax,
    messageFeeUsdMin: input.messageFeeUsdMin ?? null,
    messageFeeUsdMax: input.messageFeeUsdMax ?? null,
  };
  problems.push(...feeProblems(fees, field));
  return {
    record: {
      sourceChainId: input.sourceChainId,
      destinationChainId: input.destinationChainId,
      tokenSymbol: input.tokenSymbol,
      sourceTokenAddress,
      destinationTokenAddress,
      expectedDurationSeconds: input.expectedDurationSeconds,
      ...fees,
      maxTransferUsd: input.maxTransferUsd ?? null,
      confirmationsRequired: input.confirmationsRequired,
      enabled: input.enabled,
    },
    problems,
  };
}
