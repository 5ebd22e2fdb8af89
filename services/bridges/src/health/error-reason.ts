import { BaseError } from '@junction/errors';
import { scrubText } from '@junction/onchain';

/**
 * A failure as a sentence fit for clients: a Junction error's `shortMessage` (on-chain errors are already scrubbed
 * of RPC credentials), otherwise the first line of the message, scrubbed.
 */
export function errorReason(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  const message = error instanceof Error ? error.message : String(error);
  return scrubText(message.split('\n')[0]);
}
