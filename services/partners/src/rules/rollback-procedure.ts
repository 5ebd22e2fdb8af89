import { BadUserInputError, type FieldError } from '@junction/errors';
import { checksumAddress } from '@junction/federation';
import type { RollbackProcedureRecord } from '../entities/rollout-plan.entity';

/** The rollback procedure as a client sends it (addresses not yet checksummed). */
export interface RollbackProcedureShape {
  pauseProcedure: string;
  pausableContracts: Array<{ label: string; address: string }>;
  multisig?: { address: string; threshold: number; signers: Array<{ name: string; address: string }> } | null;
  stateRecoveryScripts: string[];
  communicationPlan: string;
}

/** What {@link normalizeRollbackProcedure} returns. */
export interface NormalizedRollbackProcedure {
  /** Every problem found, with its field path. */
  problems: FieldError[];
  /** The procedure with EIP-55 checksummed addresses, ready to store (meaningful only without problems). */
  record: RollbackProcedureRecord;
}

/**
 * Checks a rollback procedure and checksums its addresses: every address valid (mixed case must match its
 * EIP-55 checksum), no contract or signer listed twice, a multisig threshold no larger than its signer count.
 */
export function normalizeRollbackProcedure(input: RollbackProcedureShape, field = 'input.rollback'): NormalizedRollbackProcedure {
  const problems: FieldError[] = [];
  const address = (path: string, value: string): string => {
    try {
      return checksumAddress(path, value);
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      problems.push(...error.fieldErrors);
      return value;
    }
  };
  const unique = (path: string, value: string, seen: Map<string, number>, index: number, list: string) => {
    const key = value.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: path, message: `repeats the address already listed at ${list}.${first}` });
    else seen.set(key, index);
  };

  const contractsSeen = new Map<string, number>();
  const pausableContracts = input.pausableContracts.map((contract, index) => {
    const path = `${field}.pausableContracts.${index}.address`;
    const checked = address(path, contract.address);
    unique(path, checked, contractsSeen, index, `${field}.pausableContracts`);
    return { label: contract.label, address: checked };
  });

  let multisig: RollbackProcedureRecord['multisig'] = null;
  if (input.multisig) {
    const signersSeen = new Map<string, number>();
    const signers = input.multisig.signers.map((signer, index) => {
      const path = `${field}.multisig.signers.${index}.address`;
      const checked = address(path, signer.address);
      unique(path, checked, signersSeen, index, `${field}.multisig.signers`);
      return { name: signer.name, address: checked };
    });
    if (input.multisig.threshold > signers.length) {
      problems.push({
        field: `${field}.multisig.threshold`,
        message: `must be at most the number of signers (${signers.length})`,
      });
    }
    multisig = { address: address(`${field}.multisig.address`, input.multisig.address), threshold: input.multisig.threshold, signers };
  }

  return {
    problems,
    record: {
      pauseProcedure: input.pauseProcedure,
      pausableContracts,
      multisig,
      stateRecoveryScripts: [...input.stateRecoveryScripts],
      communicationPlan: input.communicationPlan,
    },
  };
}
