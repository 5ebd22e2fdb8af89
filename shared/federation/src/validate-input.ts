import { BadUserInputError, type FieldError } from '@junction/errors';
import { validate, type ValidationError } from 'class-validator';
import type { ResolverData } from 'type-graphql';

/**
 * type-graphql's `validateFn`: runs class-validator on every input object and reports each failure as a field
 * error of one `BAD_USER_INPUT` error, before any resolver code (and so before any write) runs.
 */
export async function validateInput(argValue: unknown, _argType: unknown, { args }: ResolverData): Promise<void> {
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const fieldErrors: FieldError[] = [];
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object' || value.constructor === Object) continue;
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length === 0) continue;
    // Named only when there is something to report: finding the argument compares it with every other.
    const prefix = argumentName(argValue, args);
    fieldErrors.push(...flatten(errors, Array.isArray(argValue) ? `${prefix}.${index}` : prefix));
  }
  if (fieldErrors.length > 0) throw new BadUserInputError(fieldErrors);
}

/**
 * The name of the argument an input object came in (`input`), so field errors read `input.chainId`. An
 * `@ArgsType` value spans all arguments and gets no prefix.
 */
function argumentName(value: unknown, args: Record<string, unknown>): string {
  if (value === null || typeof value !== 'object') return '';
  const json = stableJson(value);
  const match = Object.entries(args).find(([, raw]) => raw !== null && typeof raw === 'object' && stableJson(raw) === json);
  return match?.[0] ?? '';
}

/** JSON with object keys sorted, so a class instance and the plain object it came from compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
