import { BaseError } from '@junction/errors';
import { scrubText } from './scrub-text';

/**
 * A failure as a sentence fit for clients: a Junction error's `shortMessage` (on-chain errors are already scrubbed
 * of RPC credentials), otherwise the first line of the message, scrubbed.
 *
 * @example
 * errorReason(new Error('fetch failed\n    at https://rpc.example/key…')); // 'fetch failed'
 */
export function errorReason(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  const message = error instanceof Error ? error.message : String(error);
  return scrubText(message.split('\n')[0]);
}
