import { IsOptional, IsUrl, Length, Matches } from 'class-validator';

/** Slugs are lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Applies several property decorators as one. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

/** A slug: 2 to 64 lower-case letters, digits and single hyphens; `example` shows one in the message. */
export function IsSlug(example: string): PropertyDecorator {
  return all(
    Matches(SLUG_PATTERN, { message: `$property must be lower-case letters, digits and single hyphens, e.g. "${example}"` }),
    Length(2, 64, { message: '$property must be 2 to 64 characters' }),
  );
}

/** A display name: 1 to 120 characters. */
export function IsDisplayName(): PropertyDecorator {
  return Length(1, 120, { message: '$property must be 1 to 120 characters' });
}

/** An optional http(s) URL (hosts without a TLD, like `localhost`, allowed). */
export function IsWebUrl(): PropertyDecorator {
  return all(
    IsOptional(),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }, { message: '$property must be an http(s) URL, e.g. https://example.org' }),
  );
}

/** Optional free-text search: 1 to 100 characters. */
export function IsSearchText(): PropertyDecorator {
  return all(IsOptional(), Length(1, 100, { message: '$property must be 1 to 100 characters' }));
}
