import type { FieldError } from '@junction/errors';
import { checkProbeInput } from '@junction/onchain';
import type { NewBridgeProbe } from '../repositories/bridge-records';
import type { BridgeProbeInput } from '../types/bridge-probe-input';
import { unknownChainMessage, type MissingReferences } from './references';

/** A probe input turned into a record, with what is wrong with it. */
export interface CheckedProbe {
  /** The record to write (meaningful only when `problems` is empty). */
  record: NewBridgeProbe;
  /** Problems, in the order of the input's fields. */
  problems: FieldError[];
}

/**
 * Checks a bridge's probe input (fields under `input`): a known chain, then the probe itself (`checkProbeInput`:
 * checksummed address, a view or pure function, arguments that encode for it, an expectation that fits its output).
 */
export function checkProbe(input: BridgeProbeInput, missing: MissingReferences): CheckedProbe {
  const { probe, problems } = checkProbeInput(input);
  const chainProblems = missing.chainIds.has(input.chainId) ? [{ field: 'input.chainId', message: unknownChainMessage(input.chainId) }] : [];
  return { record: { chainId: input.chainId, ...probe, label: input.label }, problems: [...chainProblems, ...problems] };
}
