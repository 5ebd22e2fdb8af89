import { setMaxListeners } from 'node:events';
import { fetch, type Agent } from 'undici';
import { toMessage } from '../events/incident-event-log';
import type { ClaimedDelivery, WebhookOutbox } from '../repositories/webhook-outbox.repository';
import { describeHttpFailure, describeRequestFailure } from './delivery-failure';
import { createPublicNetworkAgent, nonPublicUrlProblem } from './public-network-agent';
import { webhookRetryDelayMs } from './webhook-backoff';
import { webhookPayload } from './webhook-payload';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

/** How long to wait before another round after one failed (the database could not be reached). */
const FAILED_ROUND_RETRY_MS = 1000;

/** How an attempt ended: `delivered` (2xx), `retrying` (failed, another attempt is scheduled) or `failed` (no attempt left). */
export type WebhookAttemptOutcome = 'delivered' | 'retrying' | 'failed';

/** Options of {@link WebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  /**
   * The longest wait between two rounds. Rounds otherwise run when `wake()` is called (after each incident event)
   * and when the next delivery in the outbox falls due (a retry, an expired lease); this fallback catches up on what
   * neither announced (a bus message this replica missed, an endpoint enabled again). @default 60_000
   */
  maxIdleMs?: number;
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
  /**
   * Told when a round fails (the database is unreachable; the next round runs as usual) and when a claimed delivery
   * cannot be signed (its secret's encryption key is not configured; it is claimed again after its lease). @default ignored
   */
  onError?: (error: unknown) => void;
}

/**
 * Sends the webhook outbox: claims due deliveries in small batches (`FOR UPDATE SKIP LOCKED`, so replicas never
 * send the same delivery at once) and POSTs each event, signed, to its endpoint with a timeout. Up to `batchSize`
 * requests are in flight; as one ends, the next due delivery is claimed, so a slow endpoint holds one slot, not
 * the whole batch. A 2xx answer makes
 * the delivery DELIVERED; anything else schedules a retry with exponential backoff and full jitter, until
 * `maxAttempts` makes it FAILED. It does not poll: each round reads when the next delivery falls due and the next
 * round runs then (at the latest after `maxIdleMs`), and `wake()` makes it look at once (after an incident event).
 * Idle, it sends no statement between wakes but the `maxIdleMs` fallback. Delivery is at least once: a receiver deduplicates by `Idempotency-Key`.
 */
export class WebhookDispatcher {
  private readonly options: Required<Omit<WebhookDispatcherOptions, 'onAttempt' | 'onError'>> & Pick<WebhookDispatcherOptions, 'onAttempt' | 'onError'>;
  private readonly shutdown = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** When the scheduled round runs (epoch ms); undefined when none is scheduled. */
  private timerAt: number | undefined;
  private round: Promise<number> | undefined;
  /** The earliest time a round was asked for while one was running (a wake, a retry recorded). */
  private dueDuringRound: number | undefined;
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
      maxIdleMs: 60_000,
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

  /** Starts sending: runs a first round at once. */
  start(): void {
    if (this.started || this.shutdown.signal.aborted) return;
    this.started = true;
    this.scheduleRound(Date.now());
  }

  /** Looks for due deliveries now (or right after the round in progress). */
  wake(): void {
    this.runRoundBy(Date.now());
  }

  /** Stops sending, aborts the requests in flight (their deliveries are due again at once, no attempt counted) and waits for them. */
  async close(): Promise<void> {
    this.shutdown.abort();
    clearTimeout(this.timer);
    await this.round;
    await Promise.all(this.inFlight);
    await this.agent?.close();
  }

  /** Makes a round run at `at` (epoch ms) at the latest: brings the scheduled one forward, or follows the one running. */
  private runRoundBy(at: number): void {
    if (!this.started || this.shutdown.signal.aborted) return;
    if (this.round) this.dueDuringRound = Math.min(this.dueDuringRound ?? Infinity, at);
    else if (this.timerAt === undefined || at < this.timerAt) this.scheduleRound(at);
  }

  private scheduleRound(at: number): void {
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => void this.runRound(), Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    this.timer = undefined;
    this.timerAt = undefined;
    this.round = this.drain();
    const nextRoundAt = await this.round;
    this.round = undefined;
    if (this.shutdown.signal.aborted) return;
    this.scheduleRound(Math.min(nextRoundAt, this.dueDuringRound ?? Infinity));
    this.dueDuringRound = undefined;
  }

  /**
   * Claims due deliveries into the free slots and starts sending them, until fewer are due than there is room for.
   * Returns when the next round should run: when the next delivery falls due, capped by `maxIdleMs`.
   */
  private async drain(): Promise<number> {
    const idleUntil = () => Date.now() + this.options.maxIdleMs;
    try {
      while (!this.shutdown.signal.aborted) {
        // What was asked for until now is seen by the claim below; only later times still need a round of their own.
        if (this.dueDuringRound !== undefined && this.dueDuringRound <= Date.now()) this.dueDuringRound = undefined;
        const room = this.options.batchSize - this.inFlight.size;
        // No room (more may be due than there was room for): the next slot to free up wakes the dispatcher.
        if (room <= 0) {
          this.backlog = true;
          return idleUntil();
        }
        const now = new Date();
        const { deliveries, nextDueAt, signingErrors } = await this.outbox.claimDue({ limit: room, leaseMs: this.options.leaseMs, now });
        for (const error of signingErrors) this.options.onError?.(error);
        // Those were not sent: they are due again when their lease ends.
        if (signingErrors.length > 0) this.runRoundBy(now.getTime() + this.options.leaseMs);
        this.backlog = nextDueAt !== null && nextDueAt <= now;
        for (const claim of deliveries) this.send(claim);
        if (!this.backlog) return Math.min(nextDueAt?.getTime() ?? Infinity, idleUntil());
      }
    } catch (error) {
      this.options.onError?.(error);
      return Date.now() + Math.min(FAILED_ROUND_RETRY_MS, this.options.maxIdleMs);
    }
    return idleUntil();
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
          [SIGNATURE_HEADER]: signWebhookBody({ secrets: claim.signingSecrets, body }),
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
    const retryAt = new Date(Date.now() + webhookRetryDelayMs({ attempts, baseMs: this.options.backoffBaseMs, capMs: this.options.backoffCapMs }));
    const recorded = await this.outbox.recordAttempt(claim, {
      status: outcome === 'delivered' ? 'DELIVERED' : outcome === 'failed' ? 'FAILED' : 'PENDING',
      attemptedAt,
      statusCode,
      error,
      nextAttemptAt: outcome === 'retrying' ? retryAt : null,
    });
    if (!recorded) return;
    this.options.onAttempt?.(outcome);
    // Another replica may never hear of this retry: this one runs a round when it falls due.
    if (outcome === 'retrying') this.runRoundBy(retryAt.getTime());
  }
}
