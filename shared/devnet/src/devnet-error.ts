/** Options for {@link DevnetError}. */
export interface DevnetErrorParameters {
  /** Labelled context lines appended to the message, e.g. `{ port: 8545 }`. @default {} */
  details?: Record<string, unknown>;
  /** The error that caused this one. @default undefined */
  cause?: unknown;
}

/**
 * What the devnet throws when it cannot start or a control call fails: `shortMessage` says what to do, the
 * labelled `details` say where, and `cause` keeps the original error.
 */
export class DevnetError extends Error {
  override name = 'DevnetError';
  /** The one-sentence message, without the context lines. */
  readonly shortMessage: string;
  /** The labelled context lines. */
  readonly details: Record<string, unknown>;

  constructor(shortMessage: string, { details = {}, cause }: DevnetErrorParameters = {}) {
    const lines = Object.entries(details).map(([label, value]) => `${label}: ${String(value)}`);
    super([shortMessage, ...lines].join('\n'), cause === undefined ? undefined : { cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }
}
