import { scrubText } from './scrub-text';

/** The string fields viem and Node put URLs into on their errors. */
const TEXT_FIELDS = ['message', 'shortMessage', 'details', 'stack', 'url'] as const;

/** How deep {@link scrubErrorChain} follows `cause`: viem nests a handful of levels at most. */
const MAX_DEPTH = 8;

/**
 * Scrubs credentials out of `error` and every error in its `cause` chain, in place, with {@link scrubText}: their
 * `message`, `shortMessage`, `details`, `stack`, `url` and viem's `metaMessages`. An {@link OnchainError} keeps the
 * original error as its `cause` for the logs, and a log serializer prints that chain: scrubbing it where it is
 * kept is what keeps an RPC key out of the logs. Returns `error`.
 */
export function scrubErrorChain<error>(error: error): error {
  const seen = new Set<unknown>();
  for (let current: unknown = error, depth = 0; isObject(current) && !seen.has(current) && depth < MAX_DEPTH; depth++) {
    seen.add(current);
    for (const field of TEXT_FIELDS) {
      const value = current[field];
      if (typeof value === 'string') trySet(current, field, scrubText(value));
    }
    const metaMessages = current.metaMessages;
    if (Array.isArray(metaMessages)) {
      trySet(
        current,
        'metaMessages',
        metaMessages.map((line: unknown) => (typeof line === 'string' ? scrubText(line) : line)),
      );
    }
    current = current.cause;
  }
  return error;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sets a field unless it is read-only (a frozen error, a getter): such a field is left as it is. */
function trySet(target: Record<string, unknown>, field: string, value: unknown): void {
  try {
    target[field] = value;
  } catch {
    // A read-only field cannot be rewritten; there is nothing else to do with it.
  }
}
