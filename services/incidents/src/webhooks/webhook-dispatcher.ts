import { setMaxListeners } from 'node:events';
import { fetch, type Agent } from 'undici';
import { toMessage } from '../events/incident-event-log';
import type { ClaimedDelivery, WebhookOutbox } from '../repositories/webhook-outbox.repository';
import { describeHttpFailure, describeRequestFailure } from './delivery-failure';
import { createPublicNetworkAgent, nonPublicUrlProblem } from './public-network-agent';
import { webhookRetryDelayMs } from './webhook-backoff';
import { webhookPayload } from './webhook-payload';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

/** How an attempt ended: `delivered` (2xx), `retrying` (failed, another attempt is scheduled) or `failed` (no attempt left). */
export type WebhookAttemptOutcome = 'delivered' | 'retrying' | 'failed';

/** Options of {@link WebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  /** How often to look for due deliveries when not woken. @default 1000 */
  pollIntervalMs?: number;
  /** The most deliveries in flight at once (claimed in batches of up to this many). @default 10 */
  batchSize?: number;
  /** How long an endpoint has to answer. @default 10_000 */
  requestTimeoutMs?: number;
  /** Attempts before a delivery is FAILED. @default 12 */
  maxAttempts?: number;
  /** The retry delay bound after the first failure; doubles with each further failure (full jitter below it). @default 1000 */
  backoffBaseMs?: number;
  /** The largest retry delay bound. @default 3_600_000 (1 h) */
  backoffCapMs?: number;
  /** How long a claim lasts before another dispatcher may take the delivery over (this one died mid-send). @default requestTimeoutMs + 30_000 */
  leaseMs?: number;
  /**
   * Let endpoints resolve to loopback, private or link-local addresses. Off, a delivery to such an address fails
   * with a sentence saying why, so a webhook cannot reach services inside the deployment's network; turn it on only
   * where receivers are local (a developer's machine, tests). @default false
   */
  allowPrivateNetworks?: boolean;
  /** Told about each attempt's outcome (metrics). @default ignored */
  onAttempt?: (outcome: WebhookAttemptOutcome) => void;
  /** Told when a round fails (the database is unreachable); the next round runs as usual. @default ignored */
  onError?: (error: unknown) => void;
}

/**
 * Sends the webhook outbox: claims due deliveries in small batches (`FOR UPDATE SKIP LOCKED`, so replicas never
 * send the same delivery at once) and POSTs each event, signed, to its endpoint with a timeout. Up to `batchSize`
 * requests are in flight; as one ends, the next due delivery is claimed, so a slow endpoint holds one slot, not
 * the whole batch. A 2xx answer makes
 * the delivery DELIVERED; anything else schedules a retry with exponential backoff and full jitter, until
 * `maxAttempts` makes it FAILED. It polls every `pollIntervalMs`, and `wake()` makes it look at once (after a
 * commit that queued deliveries). Delivery is at least once: a receiver deduplicates by `Idempotency-Key`.
 */
export class WebhookDispatcher {
  private readonly options: Required<Omit<WebhookDispatcherOptions, 'onAttempt' | 'onError'>> & Pick<WebhookDispatcherOptions, 'onAttempt' | 'onError'>;
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private wokenDuringRound = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** The last claim filled every free slot: more may be due as soon as a slot frees up. */
  private backlog = false;
  private started = false;
  /** Connects only to public addresses; undefined when private networks are allowed. */
  private readonly agent: Agent | undefined;

  constructor(
    private readonly outbox: WebhookOutbox,
    options: WebhookDispatcherOptions = {},
  ) {
    // One listener per request in flight (up to batchSize), each removed when its request ends.
    setMaxListeners(0, this.shutdown.signal);
    const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.options = {
      pollIntervalMs: 1000,
      batchSize: 10,
      maxAttempts: 12,
      allowPrivateNetworks: false,
      backoffBaseMs: 1000,
      backoffCapMs: 3_600_000,
      leaseMs: requestTimeoutMs + 30_000,
      ...options,
      requestTimeoutMs,
    };
    this.agent = this.options.allowPrivateNetworks ? undefined : createPublicNetworkAgent();
  }

  /** Starts polling. */
  start(): void {
    if (this.started || this.shutdown.signal.aborted) return;
    this.started = true;
    this.schedule(0);
  }

  /** Looks for due deliveries now (or right after the round in progress). */
  wake(): void {
    if (!this.started || this.shutdown.signal.aborted) return;
    if (this.round) this.wokenDuringRound = true;
    else this.schedule(0);
  }

  /** Stops polling, aborts the requests in flight (their deliveries are due again at once, no attempt counted) and waits for them. */
  async close(): Promise<void> {
    this.shutdown.abort();
    clearTimeout(this.timer);
    await this.round;
    await Promise.all(this.inFlight);
    await this.agent?.close();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runRound(), delayMs);
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    this.round = this.drain();
    await this.round;
    this.round = undefined;
    if (this.shutdown.signal.aborted) return;
    this.schedule(this.wokenDuringRound ? 0 : this.options.pollIntervalMs);
    this.wokenDuringRound = false;
  }

  /** Claims due deliveries into the free slots and starts sending them, until fewer are due than there is room for. */
  private async drain(): Promise<void> {
    try {
      while (!this.shutdown.signal.aborted) {
        this.wokenDuringRound = false;
        const room = this.options.batchSize - this.inFlight.size;
        if (room <= 0) return;
        const claims = await this.outbox.claimDue({ limit: room, leaseMs: this.options.leaseMs, now: new Date() });
        this.backlog = claims.length === room;
        for (const claim of claims) this.send(claim);
        if (!this.backlog) return;
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** Runs one attempt in a slot; when it ends, claims more if some may be waiting. */
  private send(claim: ClaimedDelivery): void {
    const attempt: Promise<void> = this.attempt(claim)
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.inFlight.delete(attempt);
        if (this.backlog) this.wake();
      });
    this.inFlight.add(attempt);
  }

  /** Makes one attempt of a claimed delivery and records its outcome. */
  private async attempt(claim: ClaimedDelivery): Promise<void> {
    const { event } = claim;
    const body = JSON.stringify(webhookPayload(toMessage(event)));
    const attemptedAt = new Date();
    let statusCode: number | null = null;
    let error: string | null;
    // Aborted by the timeout or by close(); the listener is removed after the request, so none pile up.
    const request = new AbortController();
    const abortOnShutdown = () => request.abort(this.shutdown.signal.reason);
    this.shutdown.signal.addEventListener('abort', abortOnShutdown, { once: true });
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs);
    timeout.addEventListener('abort', () => request.abort(timeout.reason), { once: true });
    try {
      const refused = this.agent && nonPublicUrlProblem(claim.url);
      if (refused) throw new Error(refused);
      const response = await fetch(claim.url, {
        dispatcher: this.agent,
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Junction-Webhooks/1',
          'Junction-Event-Id': event.id,
          'Idempotency-Key': event.id,
          'Junction-Event-Kind': event.kind,
          'Junction-Delivery-Id': claim.id,
          'Junction-Delivery-Attempt': String(claim.attempts + 1),
          [SIGNATURE_HEADER]: signWebhookBody({ secret: claim.signingSecret, body }),
        },
        body,
        signal: request.signal,
      });
      await response.body?.cancel().catch(() => {});
      statusCode = response.status;
      error = describeHttpFailure(response.status);
    } catch (cause) {
      if (this.shutdown.signal.aborted) {
        await this.outbox.release(claim);
        return;
      }
      error = describeRequestFailure(cause, this.options.requestTimeoutMs);
    } finally {
      this.shutdown.signal.removeEventListener('abort', abortOnShutdown);
    }
    const attempts = claim.attempts + 1;
    const outcome: WebhookAttemptOutcome = error === null ? 'delivered' : attempts >= this.options.maxAttempts ? 'failed' : 'retrying';
    const delayMs = webhookRetryDelayMs({ attempts, baseMs: this.options.backoffBaseMs, capMs: this.options.backoffCapMs });
    const recorded = await this.outbox.recordAttempt(claim, {
      status: outcome === 'delivered' ? 'DELIVERED' : outcome === 'failed' ? 'FAILED' : 'PENDING',
      attemptedAt,
      statusCode,
      error,
      nextAttemptAt: outcome === 'retrying' ? new Date(Date.now() + delayMs) : null,
    });
    if (recorded) this.options.onAttempt?.(outcome);
  }
}
