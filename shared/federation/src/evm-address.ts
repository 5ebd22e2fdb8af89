import { BadUserInputError } from '@junction/errors';
import { getAddress, isAddress, type Address } from 'viem';

/**
 * Checks an EVM address (a mixed-case address must carry a valid EIP-55 checksum) and returns its checksummed
 * form, or throws `BAD_USER_INPUT` naming the field.
 */
export function checksumAddress(field: string, value: string): Address {
  if (!isAddress(value, { strict: true })) {
    throw new BadUserInputError([
      { field, message: `"${value}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)` },
    ]);
  }
  return getAddress(value);
}
