import type { FieldError } from '@junction/errors';

/**
 * Update inputs declare every field nullable so that it can be omitted; for fields the record cannot lack, an
 * explicit null is a mistake, reported rather than ignored.
 */
export function explicitNullProblems<Input extends object>(input: Input, required: ReadonlyArray<keyof Input & string>): FieldError[] {
  return required
    .filter((key) => (input as Record<string, unknown>)[key] === null)
    .map((key) => ({ field: `input.${key}`, message: 'cannot be null; omit it to keep the current value' }));
}
