import { UpstreamUnavailableError } from '@junction/errors';
import type { BridgeHealthSnapshot } from '../health/bridge-health-snapshot';

/**
 * No chain a bridge's contracts or probes live on could be read. Thrown by the observation so that the cache
 * serves the last known value (flagged stale); it carries what was observed, with each chain's reason.
 */
export class BridgeUnreachableError extends UpstreamUnavailableError {
  override name = 'BridgeUnreachableError';

  constructor(
    /** The observation: every contract unreadable, with why. */
    readonly observation: BridgeHealthSnapshot,
  ) {
    super("Every chain of the bridge's contracts");
  }
}
