import { ValidateBy, type ValidationArguments } from 'class-validator';

/** The longest webhook URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Hosts plain http is accepted for: this machine only (tests, the local devnet). */
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why `value` cannot be a webhook URL, as the end of a sentence starting with the field name; null when it can.
 * A webhook URL is absolute https, or http for a loopback host (`localhost`, `127.0.0.1`, `[::1]`), without
 * credentials (the signature authenticates deliveries) and at most {@link MAX_WEBHOOK_URL_LENGTH} characters.
 */
export function webhookUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be an absolute https URL, e.g. https://hooks.example.org/junction';
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute https URL, e.g. https://hooks.example.org/junction';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an absolute https URL, e.g. https://hooks.example.org/junction';
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    return 'must use https; plain http is accepted only for loopback hosts (localhost, 127.0.0.1, [::1])';
  }
  if (url.username || url.password) return 'must not contain a user name or password; deliveries are authenticated by their signature';
  return null;
}

/** Validates a webhook URL (see {@link webhookUrlProblem}); an omitted or null value is left to `@IsOptional`. */
export function IsWebhookUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value: unknown) => webhookUrlProblem(value) === null,
      defaultMessage: ({ property, value }: ValidationArguments) => `${property} ${webhookUrlProblem(value)}`,
    },
  });
}
