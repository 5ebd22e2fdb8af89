import { QueryFailedError } from 'typeorm';

/**
 * The name of the unique constraint an insert or update broke, or undefined when the error is something else.
 * Repositories check uniqueness first for a clear message, and use this for the race where two writers pass
 * the check at once.
 */
export function uniqueViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? (driverError.constraint ?? 'unknown') : undefined;
}
