import { uniqueViolation } from '@junction/db';
import { BadUserInputError, type FieldError } from '@junction/errors';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction. When a unique constraint listed in `uniqueFields` is broken (two writers that
 * both passed the up-front check), the client gets that field's `BAD_USER_INPUT`, not a server error.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  uniqueFields: Record<string, FieldError>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint && uniqueFields[constraint]) throw new BadUserInputError([uniqueFields[constraint]], { cause: error });
    throw error;
  }
}
