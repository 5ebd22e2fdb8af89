import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * Validates free text: a string of at most `maxLength` characters with at least one that is not white space.
 * Reports one sentence per field (`title must not be blank`, `title must be at most 200 characters`), where
 * `@Length` and `@Matches` together would report two for an empty string.
 */
export function IsText(maxLength: number): PropertyDecorator {
  return ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= maxLength,
      defaultMessage: ({ property, value }: ValidationArguments) =>
        typeof value === 'string' && value.trim() !== '' ? `${property} must be at most ${maxLength} characters` : `${property} must not be blank`,
    },
  });
}
