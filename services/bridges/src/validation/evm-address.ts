import { BadUserInputError, type FieldError } from '@junction/errors';
import { checksumAddress } from '@junction/federation';

/**
 * The EIP-55 checksummed form of `value`, or null after adding the problem to `problems` (malformed, or mixed
 * case with a wrong checksum), so that one answer can name every bad field at once.
 */
export function checkAddress(field: string, value: string, problems: FieldError[]): string | null {
  try {
    return checksumAddress(field, value);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    problems.push(...error.fieldErrors);
    return null;
  }
}

/**
 * Like {@link checkAddress} for an optional address: null and undefined pass through unchanged (undefined means
 * "not given" in an update). A bad address yields null after its problem is recorded.
 */
export function checkOptionalAddress(field: string, value: string | null | undefined, problems: FieldError[]): string | null | undefined {
  if (value === null || value === undefined) return value;
  return checkAddress(field, value, problems);
}
