import { uniqueViolation } from './unique-violation';
import { BadUserInputError, type FieldError } from '@junction/errors';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction: everything it writes commits together, or nothing does. A unique-constraint
 * violation (two writers passing the same uniqueness check at once) becomes `BAD_USER_INPUT` on the field that
 * `uniqueFields` names for the constraint.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  uniqueFields: Record<string, FieldError> = {},
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint && uniqueFields[constraint]) throw new BadUserInputError([uniqueFields[constraint]], { cause: error });
    throw error;
  }
}
