import { BaseError as ViemBaseError } from 'viem';
import type { ReadResult } from '../types/read-result';
import { scrubText } from './scrub-text';

/** One entry of viem's `multicall` result with `allowFailure: true`. */
export type MulticallEntry =
  | { status: 'success'; result: unknown; error?: undefined }
  | { status: 'failure'; error: Error; result?: undefined };

/**
 * Turns one entry of a `multicall` with `allowFailure: true` into a {@link ReadResult}, with `map` applied to a
 * success and a failure described by viem's short message (scrubbed of credentials).
 */
export function toReadResult<value>(entry: MulticallEntry, map: (result: unknown) => value): ReadResult<value> {
  if (entry.status === 'success') return { ok: true, value: map(entry.result), error: null };
  const message = entry.error instanceof ViemBaseError ? entry.error.shortMessage : entry.error.message;
  return { ok: false, value: null, error: scrubText(message) };
}
