import type { FieldError } from '@junction/errors';
import type { NewBridgeContract } from '../repositories/bridge-records';
import type { BridgeContractInput } from '../types/bridge-contract-input';
import { checkAddress } from './evm-address';
import { unknownChainMessage, type MissingReferences } from './references';

/** A contract input turned into a record, with what is wrong with it. */
export interface CheckedContract {
  /** The record to write (meaningful only when `problems` is empty). */
  record: NewBridgeContract;
  /** Problems, in the order of the input's fields. */
  problems: FieldError[];
}

/**
 * Checks one contract input at `field` (e.g. `input.contracts.1`): a known chain, an EVM address with a valid
 * checksum (stored checksummed), a pause function only on a pausable contract, and held tokens that are EVM
 * addresses (stored checksummed), each listed once.
 */
export function checkContract(input: BridgeContractInput, field: string, missing: MissingReferences): CheckedContract {
  const problems: FieldError[] = [];
  if (missing.chainIds.has(input.chainId)) problems.push({ field: `${field}.chainId`, message: unknownChainMessage(input.chainId) });
  const address = checkAddress(`${field}.address`, input.address, problems) ?? input.address;
  const pauseFunctionSignature = input.pauseFunctionSignature ?? null;
  if (pauseFunctionSignature !== null && !input.pausable) {
    problems.push({ field: `${field}.pauseFunctionSignature`, message: 'must be null unless pausable is true' });
  }
  const heldTokens: string[] = [];
  const firstIndex = new Map<string, number>();
  (input.heldTokenAddresses ?? []).forEach((token, index) => {
    const tokenField = `${field}.heldTokenAddresses.${index}`;
    const checked = checkAddress(tokenField, token, problems);
    if (checked === null) return;
    const first = firstIndex.get(checked);
    if (first !== undefined) {
      problems.push({ field: tokenField, message: `repeats ${field}.heldTokenAddresses.${first}` });
      return;
    }
    firstIndex.set(checked, index);
    heldTokens.push(checked);
  });
  return {
    record: { chainId: input.chainId, address, role: input.role, label: input.label, pausable: input.pausable, pauseFunctionSignature, heldTokens },
    problems,
  };
}
